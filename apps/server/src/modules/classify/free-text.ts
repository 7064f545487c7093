import { isValidResidentId } from '../../platform/formats.ts';
import type { PersonalDataType } from '../masking/index.ts';
import { luhnValid, PLATE_IN_TEXT } from './detect-numbers.ts';

const MIIT_MOBILE = /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{11,19}[Xx]?(?![0-9A-Za-z])/g;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const PASSPORT_IN_TEXT = /(?<![A-Za-z0-9])(?:E\d{8}|E[A-HJ-NP-Z]\d{7})(?![A-Za-z0-9])/;

/**
 * Personal data embedded in free text. Only matches that prove themselves count (a checksum, an
 * allocated mobile block, Luhn and a card prefix): in prose, a bare long number is usually something else.
 */
export function scanText(text: string): Set<PersonalDataType> {
  const found = new Set<PersonalDataType>();
  if (/\d/.test(text)) {
    for (const [run] of text.matchAll(DIGIT_RUN)) {
      const upper = run.toUpperCase();
      if (upper.length === 18 && isValidResidentId(upper)) found.add('resident_id');
      else if (upper.length === 11 && MIIT_MOBILE.test(upper)) found.add('mobile');
      else if (upper.length >= 16 && /^(?:62|4|5)\d+$/.test(upper) && luhnValid(upper))
        found.add('bank_card');
    }
    // Mobiles written with +86 or 86 run into their prefix: look again at the last 11 digits of such runs.
    for (const m of text.matchAll(/(?:\+|(?<!\d))86[\s-]?(1\d{10})(?!\d)/g)) {
      if (MIIT_MOBILE.test(m[1] as string)) found.add('mobile');
    }
    if (PASSPORT_IN_TEXT.test(text)) found.add('passport');
    PLATE_IN_TEXT.lastIndex = 0;
    if (PLATE_IN_TEXT.test(text)) found.add('licence_plate');
  }
  if (text.includes('@') && EMAIL_IN_TEXT.test(text)) found.add('email');
  return found;
}
