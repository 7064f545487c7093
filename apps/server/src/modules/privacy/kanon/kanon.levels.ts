import type { DatasetField, Generalisation } from '@shuzhi/contracts';
import { headerHints } from '../../classify/index.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Resident ID numbers carry the birth date in digits 7–14; a malformed day rolls into the next month
// instead of failing the whole query.
const ID_BIRTH = (c: string) =>
  `(case when ${c} ~ '^[0-9]{6}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])[0-3][0-9][0-9]{3}[0-9Xx]$' ` +
  `then (substr(${c}, 7, 4) || '-' || substr(${c}, 11, 2) || '-01')::date + (substr(${c}, 13, 2)::int - 1) end)`;

const ageBand = (birth: string, width: number) =>
  `(floor(date_part('year', age(current_date, ${birth})) / ${width}) * ${width})::int`;

/** What kind of quasi-identifier a field is, from its type and its name and title. */
function kindOf(f: DatasetField): 'birth_date' | 'date' | 'resident_id' | 'address' | 'age' | 'other' {
  const hints = headerHints(`${f.title} ${f.name}`);
  if (f.type === 'date' || f.type === 'datetime') return hints.has('birth_date') ? 'birth_date' : 'date';
  if (f.type === 'string' && hints.has('resident_id')) return 'resident_id';
  if (f.type === 'string' && hints.has('address')) return 'address';
  if ((f.type === 'integer' || f.type === 'decimal') && /年龄|岁|(^|_)age($|_)/i.test(`${f.title} ${f.name}`))
    return 'age';
  return 'other';
}

/** The generalisations of a quasi-identifier, finer first; every field can at last be dropped. */
export function generalisationsOf(f: DatasetField): Generalisation[] {
  const kind = kindOf(f);
  const steps: Generalisation[] =
    kind === 'birth_date'
      ? ['month', 'year', 'age5', 'age10']
      : kind === 'date'
        ? ['month', 'year']
        : kind === 'resident_id'
          ? ['age5', 'age10']
          : kind === 'address'
            ? ['street']
            : kind === 'age'
              ? ['band5', 'band10']
              : [];
  return [...steps, 'drop'];
}

/** The SQL expression of a field at a generalisation (`null` for the original value, a column). */
export function expressionOf(f: DatasetField, g: Generalisation | null): string {
  const c = ident(f.name);
  if (g === null) return c;
  switch (g) {
    case 'month':
      return `to_char(${c}, 'YYYY-MM')`;
    case 'year':
      return `to_char(${c}, 'YYYY')`;
    case 'age5':
    case 'age10': {
      const birth = f.type === 'string' ? ID_BIRTH(c) : `${c}::date`;
      return ageBand(birth, g === 'age5' ? 5 : 10);
    }
    case 'band5':
      return `(floor(${c} / 5) * 5)`;
    case 'band10':
      return `(floor(${c} / 10) * 10)`;
    case 'street':
      return `privacy.address_prefix(${c})`;
    case 'drop':
      return 'null::text';
  }
}
