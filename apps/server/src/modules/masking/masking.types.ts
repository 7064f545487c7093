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

/**
 * What a reader has been approved to see of a field. `source`: the reader is where the value comes
 * from — the owner organisation's data officer working on its own data, or the person who typed the
 * value — so showing it discloses nothing; `clear`: approved for clear values (a grant, the owner's
 * systems, the platform); `masked`: approved for masked values; `none`: no approval (the public).
 */
export type Approval = 'source' | 'clear' | 'masked' | 'none';

/** A catalog field's declared sensitivity. */
export type Sensitivity = 'none' | 'low' | 'medium' | 'high';

/** A masking function: `null` means the value is withheld entirely. */
export type Masker = (value: string) => string | null;
