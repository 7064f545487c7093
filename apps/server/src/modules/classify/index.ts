export type { ColumnClassification, Sensitivity, TableClassification } from './classify.types.ts';
export { classifyColumn, DETECTORS, THRESHOLD } from './classify-column.ts';
export { classifyTable } from './classify-table.ts';
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
