export { addressPrefix, maskAddress } from './mask-address.ts';
export {
  datasetRules,
  fieldLevel,
  type GradedDataset,
  personalFields,
  SENSITIVITY_LEVEL,
  stricterLevel,
} from './mask-dataset.ts';
export {
  maskBankCard,
  maskCreditCode,
  maskLandline,
  maskMobile,
  maskPassport,
  maskResidentId,
} from './mask-numbers.ts';
export {
  COMPOUND_SURNAMES,
  maskCoordinates,
  maskDate,
  maskEmail,
  maskLicencePlate,
  maskPersonName,
} from './mask-personal.ts';
export {
  type FieldRule,
  MASKERS,
  type MaskOptions,
  type MaskRule,
  maskFor,
  maskRecord,
  showsInClear,
} from './mask-policy.ts';
export type { Approval, DataLevel, Masker, PersonalDataType, Sensitivity } from './masking.types.ts';
export { drop, keepEnds, makeHash, redact } from './redact.ts';
