/** Grading levels of DB33/T 2350-2021: L1 open directly, L2/L3 after approval and masked, L4 never opened. */
export type DataLevel = 'L1' | 'L2' | 'L3' | 'L4';

/** The personal-data types that classification reports and masking knows how to mask. */
export type PersonalDataType =
  | 'resident_id'
  | 'mobile'
  | 'landline'
  | 'bank_card'
  | 'credit_code'
  | 'passport'
  | 'licence_plate'
  | 'email'
  | 'person_name'
  | 'address'
  | 'birth_date'
  | 'coordinates';

/** What a reader has been approved to see of a field. */
export type Approval = 'clear' | 'masked' | 'none';

/** A masking function: `null` means the value is withheld entirely. */
export type Masker = (value: string) => string | null;
