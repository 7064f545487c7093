import { maskAddress } from './mask-address.ts';
import {
  maskBankCard,
  maskCreditCode,
  maskLandline,
  maskMobile,
  maskPassport,
  maskResidentId,
} from './mask-numbers.ts';
import { maskCoordinates, maskDate, maskEmail, maskLicencePlate, maskPersonName } from './mask-personal.ts';
import type { Approval, DataLevel, Masker, PersonalDataType } from './masking.types.ts';
import { drop, makeHash, redact } from './redact.ts';

/** The masking function of each personal-data type. */
export const MASKERS: Readonly<Record<PersonalDataType, Masker>> = {
  resident_id: maskResidentId,
  mobile: maskMobile,
  landline: maskLandline,
  bank_card: maskBankCard,
  credit_code: maskCreditCode,
  passport: maskPassport,
  licence_plate: maskLicencePlate,
  email: maskEmail,
  person_name: maskPersonName,
  address: maskAddress,
  birth_date: maskDate,
  coordinates: maskCoordinates,
};

/** A field's grading and type; `type` is a `PersonalDataType`, anything else (or null) counts as unknown. */
export type FieldRule = { name: string; type: string | null; level: DataLevel };
export type MaskRule = { level: DataLevel; type: string | null; approved: Approval };
export type MaskOptions = { salt?: string };

const clear: Masker = (value) => value;

function typeMasker(type: string | null): Masker {
  // Own-property check: a type named `toString` must not find Object.prototype.
  return type !== null && Object.hasOwn(MASKERS, type) ? MASKERS[type as PersonalDataType] : redact;
}

/**
 * The masking function for a field (DB33/T 2350-2021). "mask" is the type's masker, or `redact` for an
 * unknown type; "hash" is HMAC-SHA-256 under `options.salt`, or `null` when no salt is given.
 *
 * | level | 'source' | 'clear' | 'masked' | 'none' |
 * | ----- | -------- | ------- | -------- | ------ |
 * | L1    | clear    | clear   | clear    | clear  |
 * | L2    | clear    | clear   | mask     | mask   |
 * | L3    | clear    | clear   | mask     | mask   |
 * | L4    | clear    | hash    | hash     | null   |
 *
 * L4 is never shown in clear to anyone but the value's source: the standard does not share or open it
 * at all, while the owner's data officer already holds it and must see it to correct it. The hash
 * keeps approved readers able to join and count on the field without seeing it.
 */
export function maskFor(rule: MaskRule, options: MaskOptions = {}): Masker {
  if (rule.approved === 'source') return clear;
  switch (rule.level) {
    case 'L1':
      return clear;
    case 'L2':
    case 'L3':
      return rule.approved === 'clear' ? clear : typeMasker(rule.type);
    default:
      // Anything that is not L1–L3 (L4, or a level from bad data) is treated as the most restricted.
      return rule.approved !== 'none' && options.salt ? makeHash(options.salt) : drop;
  }
}

/** Whether the policy lets the field out unchanged: how a path that drops rather than masks decides. */
export function showsInClear(rule: MaskRule): boolean {
  return maskFor(rule, { salt: 'any' }) === clear;
}

function asText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * A copy of the record with each listed field masked by `maskFor`. Fields not listed pass through
 * unchanged: the caller's field list must cover every personal field. Null stays null; numbers come
 * back as numbers when the masked text is still a number (rounded coordinates), as text otherwise.
 */
export function maskRecord(
  record: Readonly<Record<string, unknown>>,
  fields: readonly FieldRule[],
  approval: Approval | ((field: FieldRule) => Approval),
  options: MaskOptions = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    if (!Object.hasOwn(out, field.name)) continue;
    const value = out[field.name];
    if (value === null || value === undefined) continue;
    const approved = typeof approval === 'function' ? approval(field) : approval;
    const masker = maskFor({ level: field.level, type: field.type, approved }, options);
    if (masker === clear) continue;
    const masked = masker(asText(value));
    out[field.name] =
      typeof value === 'number' && masked !== null && /^-?\d+(\.\d+)?$/.test(masked)
        ? Number(masked)
        : masked;
  }
  return out;
}
