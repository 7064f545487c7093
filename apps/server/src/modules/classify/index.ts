export { classifyRoutes } from './classify.routes.ts';
export { type CatalogAccess, type ClassifyService, createClassifyService } from './classify.service.ts';
export type { ClassifyTables } from './classify.tables.ts';
export type { ColumnClassification, Sensitivity, TableClassification } from './classify.types.ts';
export {
  type ColumnAccumulator,
  classifyColumn,
  columnAccumulator,
  DETECTORS,
  THRESHOLD,
} from './classify-column.ts';
export { classifyFile, columnsOf, type FileClassification } from './classify-file.ts';
export { classifyTable, type TableAccumulator, tableAccumulator } from './classify-table.ts';
export {
  isBirthDate,
  luhnValid,
  scoreBankCard,
  scoreCreditCode,
  scoreLandline,
  scoreLicencePlate,
  scoreMobile,
  scorePassport,
  scoreResidentId,
} from './detect-numbers.ts';
export {
  scoreAddress,
  scoreBirthDate,
  scoreCoordinates,
  scoreEmail,
  scorePersonName,
} from './detect-personal.ts';
export { scanText } from './free-text.ts';
export { GRADES, maxLevel, SENSITIVITY_ORDER } from './grades.ts';
export { headerHints } from './header-hints.ts';
export { classifyMigrations } from './migrations/index.ts';
