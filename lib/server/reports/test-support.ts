import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of each page, as a PDF reader extracts it. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  await document.destroy();
  return pages;
}

/** The pieces of text on a page with where they start (x from the left, y from the bottom, in points). */
export async function pdfTextItems(pdf: Buffer, page: number): Promise<{ str: string; x: number; y: number }[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const content = await (await document.getPage(page)).getTextContent();
  const items = content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []));
  await document.destroy();
  return items;
}
