import type { DataLevel, PersonalDataType } from '../masking/index.ts';
import type { Sensitivity } from './classify.types.ts';

type Grade = { sensitivity: Sensitivity; level: DataLevel };

/**
 * Per-type grading after DB33/T 2350-2021 and PIPL art. 28: identity documents, financial accounts and
 * precise whereabouts are sensitive personal information (L3); contact details and other personal data
 * are L2. Credit codes identify organisations and are published by law (企业信用信息公示), so they stay L1;
 * individual businesses' codes are the data officer's call. Each suggested field sensitivity is the one
 * masking grades at the type's level (masking's SENSITIVITY_LEVEL: low L2, medium L3), so that a
 * confirmed field is masked at the level suggested for it: `high` (L4, hashed) is never suggested, as
 * core data cannot be seen in the values.
 */
export const GRADES: Readonly<Record<PersonalDataType, Grade>> = {
  resident_id: { sensitivity: 'medium', level: 'L3' },
  bank_card: { sensitivity: 'medium', level: 'L3' },
  passport: { sensitivity: 'medium', level: 'L3' },
  coordinates: { sensitivity: 'low', level: 'L2' },
  mobile: { sensitivity: 'low', level: 'L2' },
  email: { sensitivity: 'low', level: 'L2' },
  licence_plate: { sensitivity: 'low', level: 'L2' },
  birth_date: { sensitivity: 'low', level: 'L2' },
  address: { sensitivity: 'low', level: 'L2' },
  landline: { sensitivity: 'low', level: 'L2' },
  person_name: { sensitivity: 'low', level: 'L2' },
  credit_code: { sensitivity: 'none', level: 'L1' },
};

/** Most sensitive first: decides ties and which type free text reports. */
export const SENSITIVITY_ORDER: readonly PersonalDataType[] = [
  'resident_id',
  'bank_card',
  'passport',
  'coordinates',
  'mobile',
  'email',
  'licence_plate',
  'birth_date',
  'address',
  'landline',
  'person_name',
  'credit_code',
];

const LEVELS: readonly DataLevel[] = ['L1', 'L2', 'L3', 'L4'];

/** The higher of two levels. */
export function maxLevel(a: DataLevel, b: DataLevel): DataLevel {
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}
