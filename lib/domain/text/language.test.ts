import { describe, expect, it } from "vitest";
import { detectLanguage, languageName, normalizeLanguage, textAttributes, textDirection } from "./language";

// Written for these tests: one news-like sentence about a late ferry in each language.
const SAMPLES: [string, string][] = [
  ["en", "The ferry left the harbour two hours late on Tuesday because the wind had turned, and the mayor said the town would pay for a second boat next spring."],
  ["fr", "Le bateau a quitté le port avec deux heures de retard mardi parce que le vent avait tourné, et le maire a promis que la ville paierait un second navire au printemps."],
  ["de", "Die Fähre verließ den Hafen am Dienstag mit zwei Stunden Verspätung, weil der Wind gedreht hatte, und der Bürgermeister sagte, die Stadt werde im Frühjahr ein zweites Boot bezahlen."],
  ["es", "El transbordador salió del puerto con dos horas de retraso el martes porque el viento había cambiado, y el alcalde dijo que la ciudad pagaría un segundo barco en primavera."],
  ["ru", "Паром вышел из гавани во вторник с опозданием на два часа, потому что сменился ветер, а мэр сказал, что город оплатит второе судно весной."],
  ["ar", "غادرت العبارة الميناء يوم الثلاثاء متأخرة ساعتين لأن الرياح تغيرت، وقال رئيس البلدية إن المدينة ستدفع ثمن قارب ثان في الربيع المقبل."],
  ["fa", "کشتی مسافربری روز سه‌شنبه با دو ساعت تأخیر از بندر خارج شد چون باد تغییر کرده بود، و شهردار گفت شهر هزینهٔ یک قایق دوم را در بهار آینده می‌پردازد."],
  ["he", "המעבורת יצאה מהנמל ביום שלישי באיחור של שעתיים כי הרוח השתנתה, וראש העיר אמר שהעירייה תשלם על סירה שנייה באביב הבא."],
  ["zh", "周二渡轮因为风向改变晚了两个小时才离开港口，市长说市政府明年春天将出钱购买第二艘船。"],
  ["ja", "火曜日、風向きが変わったためフェリーは二時間遅れて港を出た。市長は来春、市が二隻目の船の費用を払うと述べた。"],
  ["tr", "Feribot salı günü rüzgar döndüğü için limandan iki saat gecikmeyle ayrıldı ve belediye başkanı şehrin gelecek bahar ikinci bir teknenin parasını ödeyeceğini söyledi."],
  ["ur", "منگل کو ہوا کا رخ بدلنے کی وجہ سے فیری دو گھنٹے کی تاخیر سے بندرگاہ سے روانہ ہوئی، اور میئر نے کہا کہ شہر اگلی بہار میں دوسری کشتی کی قیمت ادا کرے گا۔"],
  ["th", "เรือข้ามฟากออกจากท่าเรือช้าไปสองชั่วโมงในวันอังคารเพราะลมเปลี่ยนทิศ และนายกเทศมนตรีกล่าวว่าเมืองจะจ่ายค่าเรือลำที่สองในฤดูใบไม้ผลิหน้า"],
  ["it", "Il traghetto ha lasciato il porto martedì con due ore di ritardo perché il vento era cambiato, e il sindaco ha detto che la città pagherà una seconda barca in primavera."],
  ["pt", "A balsa deixou o porto na terça-feira com duas horas de atraso porque o vento tinha mudado, e o prefeito disse que a cidade vai pagar um segundo barco na primavera."],
];

describe("detectLanguage", () => {
  it.each(SAMPLES)("%s: a whole sentence", (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(SAMPLES.filter(([language]) => !["zh", "ja", "th"].includes(language)))("%s: the first six words", (language, text) => {
    expect(detectLanguage(text.split(/\s+/).slice(0, 6).join(" "))).toBe(language);
  });

  it("gives no answer for text without enough letters", () => {
    expect(detectLanguage("12 345 — 2026")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });
});

describe("textDirection", () => {
  it.each([
    ["ar", "rtl"],
    ["fa", "rtl"],
    ["he", "rtl"],
    ["ur", "rtl"],
    ["ar-EG", "rtl"],
    ["az-Arab", "rtl"],
    ["ku-Latn", "ltr"],
    ["en", "ltr"],
    ["zh-Hans", "ltr"],
    ["", "ltr"],
    [null, "ltr"],
    ["not a tag!", "ltr"],
  ])("%s → %s", (language, direction) => {
    expect(textDirection(language)).toBe(direction);
  });
});

describe("normalizeLanguage and textAttributes", () => {
  it("canonicalizes tags and refuses malformed ones", () => {
    expect(normalizeLanguage("pt-br")).toBe("pt-BR");
    expect(normalizeLanguage(" FA ")).toBe("fa");
    expect(normalizeLanguage("not a tag!")).toBeNull();
  });

  it("gives lang and dir for a known language, dir=auto otherwise", () => {
    expect(textAttributes("fa")).toEqual({ lang: "fa", dir: "rtl" });
    expect(textAttributes("zh")).toEqual({ lang: "zh", dir: "ltr" });
    expect(textAttributes(null)).toEqual({ dir: "auto" });
  });
});

describe("languageName", () => {
  it.each([
    ["fa", "Persian"],
    ["zh", "Chinese"],
    ["he", "Hebrew"],
    ["zz", "zz"],
  ])("%s → %s", (tag, name) => {
    expect(languageName(tag)).toBe(name);
  });
});
