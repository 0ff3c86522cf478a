// The shared store of the Reader/Writer example: a directory of report files. Each file is one
// report, `<id>.xml` or `<id>.json`; what a version can read or write is up to that version.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPORTS_DIR = resolve(process.env.REPORTS_DIR ?? '.stepwise/examples/reports');

const ENCODERS = {
  'application/xml': {
    extension: 'xml',
    encode: (report) => `<report><id>${report.id}</id><total>${report.total}</total></report>\n`,
    decode: (text) => {
      const id = /<id>([^<]*)<\/id>/.exec(text)?.[1];
      const total = /<total>([^<]*)<\/total>/.exec(text)?.[1];
      if (id === undefined || total === undefined) throw new Error('not a report document');
      return { id, total: Number(total) };
    },
  },
  'application/json': {
    extension: 'json',
    encode: (report) => `${JSON.stringify(report)}\n`,
    decode: (text) => JSON.parse(text),
  },
};

/** Stores one report in the given media type. */
export function writeReport(report, mediaType) {
  const format = ENCODERS[mediaType];
  mkdirSync(REPORTS_DIR, { recursive: true });
  writeFileSync(join(REPORTS_DIR, `${report.id}.${format.extension}`), format.encode(report));
}

/**
 * Reads every stored report in the media types this version understands. A file in any other
 * format is the failure the example is about: this version cannot read data another wrote.
 */
export function readReports(mediaTypes) {
  let files = [];
  try {
    files = readdirSync(REPORTS_DIR).sort();
  } catch {
    return { reports: [], unreadable: [] };
  }
  const reports = [];
  const unreadable = [];
  for (const file of files) {
    const mediaType = mediaTypes.find((type) => file.endsWith(`.${ENCODERS[type].extension}`));
    if (!mediaType) {
      unreadable.push(file);
      continue;
    }
    reports.push(ENCODERS[mediaType].decode(readFileSync(join(REPORTS_DIR, file), 'utf8')));
  }
  return { reports, unreadable };
}
