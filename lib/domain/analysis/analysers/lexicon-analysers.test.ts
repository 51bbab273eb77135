import { describe, expect, it } from "vitest";
import { marked, run } from "../test-support";
import { actorLabels } from "./actor-labels";
import { euphemism } from "./euphemism";
import { exaggeration } from "./exaggeration";
import { hedging } from "./hedging";
import { loadedLanguage } from "./loaded-language";
import { persuasionCues } from "./persuasion-cues";
import { speculation } from "./speculation";

describe.each([
  {
    analyser: loadedLanguage,
    cases: [
      ["The army slaughtered villagers in a brutal raid.", ["slaughtered", "brutal"]],
      ["The assassination of the envoy shocked the capital.", ["assassination"]],
      ["Troops went on a rampage, and critics lambasted the draconian curfew.", ["rampage", "lambasted", "draconian"]],
      ["The brave crews repelled the unprovoked raid.", ["brave", "unprovoked"]],
      ["The murderous raid was genocidal in intent.", ["murderous", "genocidal"]],
      ["Critics criticised the curfew after the raid.", []],
      ["The army killed villagers in a raid.", []],
      ["Officers stormed the depot, smashed windows and unleashed dogs on the crowd.", ["stormed", "smashed", "unleashed"]],
      ["Guards brutally manhandled a reporter; the brutality was filmed.", ["brutally", "manhandled", "brutality"]],
      ["Riot officers entered the depot, broke a window and used dogs.", []],
      ["A storm flooded the depot and a smash-and-grab followed.", []],
      ["The harrowing, gruesome footage showed a heavy-handed clearance.", ["harrowing", "gruesome", "heavy-handed"]],
      ["The footage showed a slow clearance.", []],
      ["Furious residents voiced their fury and outrage; grief-stricken families waited.", ["Furious", "fury", "outrage", "grief-stricken"]],
      ["Angry residents voiced their anger; sad families waited.", []],
      ["The square became a battleground and the town a powder keg after a firestorm of criticism.", ["battleground", "powder keg", "firestorm"]],
      ["The council debated the square's future and received many complaints.", []],
      ["Critics slammed the fiasco; the minister vilified them, muzzled the press and began a purge.", ["slammed", "fiasco", "vilified", "muzzled", "purge"]],
      ["She won a grand slam and told a gag.", []],
      ["Retailers were gouging shoppers, a rip-off the minister called daylight robbery, while greedy landlords fleeced tenants.", ["gouging", "rip-off", "daylight robbery", "greedy", "fleeced"]],
      ["Retailers raised prices, the minister said, and landlords charged tenants more.", []],
      ["The subsidy was a handout to a bloated agency with cushy jobs, a gravy train and a slush fund.", ["handout", "bloated", "cushy", "gravy train", "slush fund"]],
      ["A handout photo showed the agency's staff; one said she felt bloated after lunch.", []],
      ["Police warned of a phone scam; the pension reform was a scam, critics said.", ["scam"]],
      ["The council squandered millions on a white elephant and a money pit, wasteful spending by a profligate mayor.", ["squandered", "white elephant", "money pit", "wasteful", "profligate"]],
      ["The firm slashed jobs and decimated its research unit; crippling costs and a swingeing tax were job-killing.", ["slashed", "decimated", "crippling", "swingeing", "job-killing"]],
      ["The firm cut jobs and reduced its research unit; heavy costs and a large tax followed.", []],
      ["The closure was the death knell for the town, the final nail in the coffin.", ["death knell", "nail in the coffin"]],
      ["The miracle cure was snake oil, a killer virus, and a death panel would decide, critics said.", ["miracle cure", "snake oil", "killer virus", "death panel"]],
      ["The new treatment was approved; the virus killed two, and the review board will decide.", []],
      ["The clinic was plagued by delays and a plague of complaints; an outbreak of plague was reported.", ["plagued", "plague of"]],
      ["The inquiry was a kangaroo court and a witch hunt, a smear campaign and a power grab, they said.", ["kangaroo court", "witch hunt", "smear campaign", "power grab"]],
      ["The inquiry was a tribunal, they said, and the report criticised the change of powers.", []],
      ["The reckless, incompetent minister botched the rollout in a humiliating climbdown; the embattled, disgraced aide quit.", ["reckless", "incompetent", "botched", "humiliating", "climbdown", "embattled", "disgraced"]],
      ["He was charged with reckless driving and resigned after the failed rollout.", []],
      ["Corrupt officials ran a shady firm; the corrupt file was deleted and they sat in a shady spot.", ["Corrupt", "shady"]],
      ["Voters said the rules were red tape from a nanny state, soft on crime and out of touch.", ["red tape", "nanny state", "soft on crime", "out of touch"]],
      ["Executives raked in bonuses and lined their pockets with golden parachutes on a spending spree.", ["raked in", "lined their pockets", "golden parachutes", "spending spree"]],
      ["Executives were paid bonuses and received severance after the firm raised spending.", []],
      ["Workers on slave wages in a sweatshop earn a pittance, while unions hold the country to ransom.", ["slave wages", "sweatshop", "pittance", "to ransom"]],
      ["Workers on low pay in a factory earn little, the union said before the strike; kidnappers held a driver for ransom.", []],
      ["The chumocracy handed out jobs for the boys through a dodgy deal, an omnishambles rubber-stamped by a toothless talking shop.", ["chumocracy", "jobs for the boys", "dodgy", "omnishambles", "rubber-stamped", "toothless", "talking shop"]],
      ["The minister appointed friends; the committee approved the deal and the regulator lacks powers.", []],
    ],
  },
  {
    analyser: actorLabels,
    cases: [
      ["The regime's thugs beat the marchers.", ["regime", "thugs"]],
      ["Crowds mourned the martyr; militants fired rockets.", ["martyr", "militants"]],
      ["The warlord's goons and the junta's loyalists fought.", ["warlord", "goons", "junta", "loyalists"]],
      ["Rioters cheered the liberators and the great leader.", ["Rioters", "liberators", "great leader"]],
      ["The mercenaries were paid by the mercenary general, a local icon.", ["mercenaries", "icon"]],
      ["Two assassins fled.", ["assassins"]],
      ["The government's police beat the marchers.", []],
      ["Two guards were martyred, the martyrs' families said.", ["martyrs"]],
      ["The rabble and their ringleaders, a rent-a-mob of nimbys, met the minister's cronies.", ["rabble", "ringleaders", "rent-a-mob", "nimbys", "cronies"]],
      ["Land defenders faced the squatters' eviction; a fringe cult backed them.", ["Land defenders", "squatters", "fringe", "cult"]],
      ["Protesters, residents and officials met the minister's advisers.", []],
      ["Faceless bureaucrats and fat cat profiteers met the loan sharks, the crooks and a charlatan.", ["Faceless bureaucrats", "fat cat", "profiteers", "loan sharks", "crooks", "charlatan"]],
      ["Champagne socialists and the liberal elite mocked the scroungers and freeloaders.", ["Champagne socialists", "liberal elite", "scroungers", "freeloaders"]],
      ["Job creators and hard-working families backed the plan; big pharma and climate deniers opposed it.", ["Job creators", "hard-working families", "big pharma", "deniers"]],
      ["Officials, investors and lenders met the minister's advisers.", []],
      ["The doctors said the quack remedy failed; a duck quacked.", []],
      ["Ideologues, crackpots and useful idiots joined the shysters and ambulance chasers.", ["Ideologues", "crackpots", "useful idiots", "shysters", "ambulance chasers"]],
    ],
  },
  {
    analyser: euphemism,
    cases: [
      ["Officials regretted the collateral damage after the drones neutralized two men.", ["collateral damage", "neutralized"]],
      ["Officers moved to restore order with less-lethal rounds and reasonable force.", ["restore order", "less-lethal", "reasonable force"]],
      ["Two men passed away after the shooting incident; a third lost his life in custody.", ["passed away", "incident", "lost his life"]],
      ["The families were relocated during the clearance operation.", ["relocated", "clearance operation"]],
      ["Officers cleared the camp with batons and rubber bullets; two men were killed and one died in custody.", []],
      ["The strike killed two civilians.", []],
      ["The firm let go 200 staff in a workforce reduction; another 40 were let go in March.", ["let go", "workforce reduction", "let go"]],
      ["She let go of the rope, and the firm dismissed 200 staff.", []],
      ["The pre-owned cars had an adverse event; mistakes were made, and there was inappropriate behaviour.", ["pre-owned", "adverse event", "mistakes were made", "inappropriate behaviour"]],
      ["The plan is revenue enhancement, not negative growth.", ["revenue enhancement", "negative growth"]],
      ["The used cars had a fault; the manager made mistakes and harassed staff.", []],
      ["The minister left to spend more time with his family after a frank exchange of views.", ["spend more time with his family", "frank exchange of views"]],
      ["Fiscal consolidation and belt-tightening followed the rationalisation of the branch network.", ["Fiscal consolidation", "belt-tightening", "rationalisation"]],
      ["The minister was forced out after a row, and the government cut spending and closed branches.", []],
    ],
  },
  {
    analyser: exaggeration,
    cases: [
      ["An unprecedented, massive wave of arrests followed.", ["unprecedented", "massive"]],
      ["Only a handful of protesters came, merely twenty.", ["a handful of", "merely"]],
      ["The fine was a mere slap on the wrist, nothing more than a gesture.", ["mere", "slap on the wrist", "nothing more than"]],
      ["Prices skyrocketed after the worst drought ever.", ["skyrocketed", "the worst drought ever"]],
      ["About two hundred people were arrested.", []],
      ["Costs are spiralling out of control and prices went through the roof.", ["spiralling", "out of control", "through the roof"]],
      ["Costs rose by a tenth and prices doubled.", []],
    ],
  },
  {
    analyser: hedging,
    cases: [
      ["The general reportedly fled; he is believed to be in hiding.", ["reportedly", "is believed to"]],
      ["It is understood that talks will resume.", ["It is understood"]],
      ["The general fled on Monday, his lawyer said.", []],
    ],
  },
  {
    analyser: speculation,
    cases: [
      ["The dam could fail and may have been weakened.", ["could", "may have"]],
      ["The dam failed.", []],
    ],
  },
])("$analyser.id", ({ analyser, cases }) => {
  it.each(cases as [string, string[]][])("%s", (text, expected) => {
    expect(marked(analyser, text)).toEqual(expected);
  });

  it("proposes only its own tags, with a reason naming the words and the list or pattern", () => {
    for (const [text] of cases as [string, string[]][]) {
      for (const p of run(analyser, text)) {
        expect(analyser.tags).toContainEqual({ set: p.set, tag: p.tag });
        expect(p.analyser).toBe(analyser.id);
        expect(p.reason.replace(/ (is on the loaded-terms list \(|matches the [a-z-]+ pattern: ).*/, "")).toBe(`‘${text.slice(p.start, p.end)}’`);
        expect(p.confidence).toBeGreaterThan(0);
        expect(p.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("persuasion-cues", () => {
  it.each([
    ["The self-styled reformer rejected the so-called inquiry.", [["self-styled", "Doubt"], ["so-called", "Doubt"]]],
    ["Marchers chanted death to the traitors and defended the homeland.", [["death to", "Slogans"], ["traitors", "Name calling/labeling"], ["homeland", "Flag-waving"]]],
    ["The strike pushed the region to the brink of all-out war.", [["all-out war", "Appeal to fear/prejudice"]]],
    ["At the end of the day, it is what it is.", [["At the end of the day", "Thought-terminating cliché"], ["it is what it is", "Thought-terminating cliché"]]],
    ["He said the crisis happened solely because of the bank; what about the army's role?", [["solely because", "Causal oversimplification"], ["what about", "Whataboutism"]]],
    ["The mayor compared the council to the Gestapo; everyone knows it.", [["Gestapo", "Reductio ad hitlerum"], ["everyone knows", "Bandwagon"]]],
    ["The regime carried out a brutal crackdown.", [["regime", "Name calling/labeling"], ["brutal", "Loaded language"], ["crackdown", "Loaded language"]]],
    ["The minister dismissed the baseless charges, made without evidence, as a sham.", [["baseless", "Doubt"], ["without evidence", "Doubt"], ["sham", "Doubt"]]],
    ["The supposed reform, led by a group that claims to be neutral, was a cover-up.", [["supposed", "Doubt"], ["claims to be", "Doubt"], ["cover-up", "Doubt"]]],
    ["The ministry, which conveniently lost the files, has yet to provide evidence.", [["conveniently", "Doubt"], ["has yet to provide evidence", "Doubt"]]],
    ["The train was supposed to arrive at noon, and the evidence was presented.", []],
    ["The port closed all because of one strike; the union is to blame, and Baptiste alone can fix it.", [["all because of", "Causal oversimplification"], ["is to blame", "Causal oversimplification"], ["Baptiste alone", "Causal oversimplification"]]],
    ["The reason is simple: the bank was solely responsible.", [["The reason is simple", "Causal oversimplification"], ["solely responsible", "Causal oversimplification"]]],
    ["The union blamed the bank for the closure, which happened because of the strike.", []],
    ["The council approved the budget on Tuesday.", []],
    ["The election was rigged; the visit was a publicity stunt, the pledge an empty promise and lip service, he said.", [["rigged", "Doubt"], ["publicity stunt", "Doubt"], ["empty promise", "Doubt"], ["lip service", "Doubt"]]],
    ["The election was held; the visit was brief, the pledge was kept.", []],
    ["Critics called the firm hypocritical; people in glass houses should not throw stones.", [["hypocritical", "Whataboutism"], ["in glass houses", "Whataboutism"]]],
    ["They will defend our way of life and our values, a patriotic duty.", [["our way of life", "Flag-waving"], ["our values", "Flag-waving"], ["patriotic", "Flag-waving"]]],
    ["Act before it is too late: time is running out and the point of no return is near.", [["before it is too late", "Appeal to fear/prejudice"], ["time is running out", "Appeal to fear/prejudice"], ["point of no return", "Appeal to fear/prejudice"]]],
    ["Everyone agrees, and any sensible person can see it; nobody in their right mind disagrees.", [["Everyone agrees", "Bandwagon"], ["any sensible person can see", "Bandwagon"], ["nobody in their right mind", "Bandwagon"]]],
    ["Rules are rules, end of story; there is no alternative.", [["Rules are rules", "Thought-terminating cliché"], ["end of story", "Thought-terminating cliché"], ["there is no alternative", "Thought-terminating cliché"]]],
    ["Marchers chanted take back control and drain the swamp.", [["take back control", "Slogans"], ["drain the swamp", "Slogans"]]],
    ["The campaign reached the point where all sides agreed to talk.", []],
    ["The firm raised prices and the clinic reported delays.", []],
    ["He would have us believe the regulator is independent; it is the fox guarding the henhouse.", [["would have us believe", "Doubt"], ["fox guarding the henhouse", "Doubt"]]],
    ["The regulator said it was independent, and the inquiry began.", []],
    ["No serious economist backs the plan. Where were its critics when the port closed?", [["Where were its critics when the port closed?", "Whataboutism"]]],
    ["No serious economist believes in the plan.", [["No serious economist believes", "Bandwagon"]]],
  ])("%s", (text, expected) => {
    expect(run(persuasionCues, text).map((p) => [text.slice(p.start, p.end), p.tag])).toEqual(expected);
  });
});
