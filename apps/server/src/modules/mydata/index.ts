import type { Dataset } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { createSecretBox } from '../../platform/secret-box.ts';
import { maskPersonName } from '../masking/index.ts';
import type { Notify } from '../notify/index.ts';
import type { ComplaintsService } from '../quality/index.ts';
import { createConsents } from './consents.service.ts';
import { createFinder } from './finder.ts';
import { createHoldings } from './holdings.service.ts';
import { createLogin } from './login.service.ts';
import type { Subject } from './subject.ts';

export { mydataMigrations } from './migrations.ts';
export { MYDATA_COOKIE, mydataRoutes } from './mydata.routes.ts';
export type { MydataTables } from './mydata.tables.ts';

/** My data: data subjects' sign-in, holdings, accesses, disputes and consents. */
export function createMyData(deps: {
  db: Db;
  ledger: Ledger;
  notify: Notify;
  complaints: ComplaintsService;
  listPublished: () => Promise<Dataset[]>;
  orgs: {
    name: (id: string) => Promise<string | undefined>;
    search: (q?: string) => Promise<{ id: string; name: string }[]>;
  };
  secrets: { salt: string; credentialKey: string; consentSigningKey: string };
  sessionHours: number;
  now?: () => Date;
}) {
  const { db, ledger, now } = deps;
  const finder = createFinder({ db, listPublished: deps.listPublished });
  const login = createLogin({
    db,
    ledger,
    notify: deps.notify,
    finder,
    box: createSecretBox(deps.secrets.credentialKey),
    salt: deps.secrets.salt,
    sessionHours: deps.sessionHours,
    now,
  });
  const holdings = createHoldings({ finder, ledger, complaints: deps.complaints });
  const consents = createConsents({
    db,
    ledger,
    salt: deps.secrets.salt,
    signingKeyPem: deps.secrets.consentSigningKey,
    orgName: deps.orgs.name,
    now,
  });
  return {
    login,
    holdings,
    consents,
    /** Who is signed in, with the name the first dataset naming them records (a person's masked). */
    async me(s: Subject) {
      for (const m of (await finder.matches(s.type)).filter((x) => x.searchable)) {
        const f = m.ds.fields.find((x) =>
          s.type === 'person'
            ? x.personalType === 'person_name'
            : !x.key && x.type === 'string' && /(企业|单位|机构)名称/.test(x.title),
        );
        if (!f) continue;
        const [r] = await finder.rows(m, s.key, [f], 1);
        const v = r?.[f.name];
        if (v) return login.me(s, s.type === 'person' ? (maskPersonName(String(v)) ?? null) : String(v));
      }
      return login.me(s, null);
    },
    parties: deps.orgs.search,
  };
}

export type MyData = ReturnType<typeof createMyData>;
