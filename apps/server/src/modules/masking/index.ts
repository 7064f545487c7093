export { addressPrefix, maskAddress } from './mask-address.ts';
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
} from './mask-policy.ts';
export type { Approval, DataLevel, Masker, PersonalDataType } from './masking.types.ts';
export { drop, keepEnds, makeHash, redact } from './redact.ts';
