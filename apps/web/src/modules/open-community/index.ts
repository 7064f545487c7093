// What the portal's pages place from this module (the portal owns where they go).

export { useRecordView } from './community-api';
export { DatasetComments } from './dataset-comments';
export { DatasetRating } from './dataset-rating';
export { datasetPath } from './request-detail';
export { UsageChart } from './usage-chart';
