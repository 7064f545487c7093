import type { DemoTables } from '../demo/seed/seed.tables.ts';
import type { AreasTables } from '../modules/areas/areas.tables.ts';
import type { AuthTables } from '../modules/auth/auth.tables.ts';
import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { ClassifyTables } from '../modules/classify/classify.tables.ts';
import type { IngestTables } from '../modules/ingest/ingest.tables.ts';
import type { JobsTables } from '../modules/jobs/jobs.tables.ts';
import type { MydataTables } from '../modules/mydata/mydata.tables.ts';
import type { OpenAccessTables } from '../modules/open/access/access.tables.ts';
import type { OpenCommunityTables } from '../modules/open/community/community.tables.ts';
import type { OrgsTables } from '../modules/orgs/orgs.tables.ts';
import type { PrivacyTables } from '../modules/privacy/privacy.tables.ts';
import type { QualityTables } from '../modules/quality/quality.tables.ts';
import type { SharingTables } from '../modules/sharing/sharing.tables.ts';
import type { LedgerTables } from '../platform/ledger/ledger.tables.ts';

/** The typed shape of the database: each module declares its own tables. */
export interface Database
  extends AreasTables,
    OrgsTables,
    AuthTables,
    JobsTables,
    LedgerTables,
    CatalogTables,
    IngestTables,
    ClassifyTables,
    QualityTables,
    PrivacyTables,
    OpenAccessTables,
    OpenCommunityTables,
    SharingTables,
    MydataTables,
    DemoTables {}
