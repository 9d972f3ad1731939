/**
 * The text of each page of a PDF written by LibreOffice, enough to check what a printed
 * workbook shows: objects are read as they are (no cross-reference streams), Flate
 * streams inflated, and each font's ToUnicode map turns the glyph codes of `Tj`/`TJ`
 * back into text. One string per text object (LibreOffice writes one per cell).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const end = text.indexOf('endobj', match.index);
    const body = text.slice(match.index + match[0].length, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dataStart =
      match.index + match[0].length + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
    const dataEnd = text.lastIndexOf('endstream', end);
    const raw = pdf.subarray(dataStart, dataEnd);
    const dict = body.slice(0, streamAt);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    start.lastIndex = end;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

/** Glyph code (hex) to text, from a ToUnicode CMap's bfchar and bfrange entries. */
interface CodeMap {
  /** Hex digits per glyph code (the CMap's codespace). */
  codeLength: number;
  map: Map<string, string>;
}

function toUnicode(cmap: string): CodeMap {
  const map = new Map<string, string>();
  const codeLength = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1].length ?? 2;
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, code, unicode] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(code.toUpperCase(), utf16(unicode));
    }
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, first, last, unicode] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const from = parseInt(first, 16);
      for (let code = from; code <= parseInt(last, 16); code++) {
        const hex = code.toString(16).toUpperCase().padStart(first.length, '0');
        map.set(hex, String.fromCharCode(parseInt(unicode, 16) + code - from));
      }
    }
  }
  return { codeLength, map };
}

function fontMaps(objects: Map<number, PdfObject>, resourcesDict: string): Map<string, CodeMap> {
  const fontsAt = ref(resourcesDict, 'Font');
  const fontDict =
    fontsAt !== undefined ? objects.get(fontsAt)!.dict : (/\/Font\s*<<([^>]*)>>/.exec(resourcesDict)?.[1] ?? '');
  const fonts = new Map<string, CodeMap>();
  for (const [, name, id] of fontDict.matchAll(/\/(\w+)\s*(\d+) 0 R/g)) {
    const cmapAt = ref(objects.get(Number(id))!.dict, 'ToUnicode');
    fonts.set(name, cmapAt === undefined ? NO_MAP : toUnicode(objects.get(cmapAt)!.stream!.toString('latin1')));
  }
  return fonts;
}

const NO_MAP: CodeMap = { codeLength: 2, map: new Map() };

function decode(hex: string, { codeLength, map }: CodeMap): string {
  let text = '';
  for (let at = 0; at < hex.length; at += codeLength) {
    text += map.get(hex.slice(at, at + codeLength).toUpperCase()) ?? '\ufffd';
  }
  return text;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: string[];
}

export function pdfPages(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const pages: PdfPage[] = [];
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(object.dict)) {
      continue;
    }
    const [, , , width, height] = (
      /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(object.dict) ?? []
    ).map(Number);
    const resourcesAt = ref(object.dict, 'Resources');
    const fonts = fontMaps(objects, resourcesAt !== undefined ? objects.get(resourcesAt)!.dict : object.dict);
    const contents = ref(object.dict, 'Contents');
    const content = contents === undefined ? '' : objects.get(contents)!.stream!.toString('latin1');
    const texts: string[] = [];
    for (const [, block] of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let font = NO_MAP;
      let text = '';
      for (const [, fontName, hex] of block.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>/g)) {
        if (fontName) {
          font = fonts.get(fontName) ?? NO_MAP;
        } else {
          text += decode(hex, font);
        }
      }
      if (text !== '') {
        texts.push(text);
      }
    }
    pages.push({ width, height, texts });
  }
  return pages;
}
