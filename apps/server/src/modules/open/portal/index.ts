export { openPortalRoutes } from './portal.routes.ts';
export { createOpenPortal, type OpenPortal, type PortalSources } from './portal.service.ts';
