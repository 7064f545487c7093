export { orgsMigrations } from './migrations/index.ts';
export { orgsRoutes } from './orgs.routes.ts';
export { createOrgsService, type OrgsService } from './orgs.service.ts';
export type { OrgsTables } from './orgs.tables.ts';
export { cityDepartments, organCode } from './seed-data.ts';
