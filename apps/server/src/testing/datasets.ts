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
