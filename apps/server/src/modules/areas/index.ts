export { areasRoutes } from './areas.routes.ts';
export { type AreasService, createAreasService } from './areas.service.ts';
export type { AreasTables } from './areas.tables.ts';
export { areasMigrations } from './migrations/index.ts';
export { readReferenceAreas } from './reference-data.ts';
