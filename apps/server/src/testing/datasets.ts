import { createWorker } from '../modules/jobs/index.ts';
import type { TestContext } from './harness.ts';

/** Creates a dataset as a data officer, submits it and has the admin publish it; answers its id. */
export async function publishDataset(
  t: TestContext,
  cookies: { officer: string; admin: string },
  body: Record<string, unknown> & { code: string; fields: unknown[] },
): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalog/datasets',
    headers: { cookie: cookies.officer },
    payload: {
      theme: 'population',
      updateFrequency: 'daily',
      shareType: 'conditional',
      openType: 'none',
      level: 'L2',
      ...body,
    },
  });
  if (created.statusCode !== 201)
    throw new Error(`create ${body.code}: ${created.statusCode} ${created.body}`);
  const { id } = created.json() as { id: string };
  for (const [step, cookie] of [
    ['submit', cookies.officer],
    ['approve', cookies.admin],
  ] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/datasets/${id}/${step}`,
      headers: { cookie },
      payload: {},
    });
    if (res.statusCode !== 200) throw new Error(`${step} ${body.code}: ${res.statusCode} ${res.body}`);
  }
  return id;
}

/**
 * Marks a dataset's quasi-identifiers and runs a k-anonymity check of its current rows, as its data
 * officer would before its rows may leave through open data (privacy's release gate). Throws unless
 * the check passes at the context's k.
 */
export async function clearForRelease(
  t: TestContext,
  officer: string,
  datasetId: string,
  quasiIdentifiers: string[],
): Promise<void> {
  const url = `/api/v1/privacy/datasets/${datasetId}`;
  const marked = await t.app.inject({
    method: 'PUT',
    url: `${url}/quasi-identifiers`,
    headers: { cookie: officer },
    payload: { quasiIdentifiers },
  });
  if (marked.statusCode !== 200) throw new Error(`mark ${datasetId}: ${marked.statusCode} ${marked.body}`);
  const started = await t.app.inject({
    method: 'POST',
    url: `${url}/kanon/checks`,
    headers: { cookie: officer },
  });
  if (started.statusCode !== 202)
    throw new Error(`check ${datasetId}: ${started.statusCode} ${started.body}`);
  const worker = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await worker.runOnce()) {}
  const check = await t.app.inject({
    url: `${url}/kanon/checks/${started.json().id}`,
    headers: { cookie: officer },
  });
  if (!check.json().passed) throw new Error(`check ${datasetId} did not pass: ${check.body}`);
}
