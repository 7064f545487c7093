import type { Gender } from './names.ts';
import { type Random, weightedTable } from './random.ts';

/** 与户主关系, after GB/T 4761 (family relation codes). */
export type Relation = '户主' | '配偶' | '子' | '女' | '父亲' | '母亲' | '儿媳' | '女婿' | '孙子' | '孙女';

export type MemberPlan = {
  relation: Relation;
  gender: Gender;
  age: number;
  /** Index of the spouse within the household, when the spouse lives in it. */
  spouse: number | null;
};

export type HouseholdKind =
  | 'single'
  | 'couple'
  | 'nuclear1'
  | 'nuclear2'
  | 'single-parent'
  | 'with-parents'
  | 'with-grandchild';

/** Legal minimum marriage ages (Civil Code art. 1047). */
export const MARRIAGE_AGE: Record<Gender, number> = { 男: 22, 女: 20 };

// Hangzhou's resident population by five-year band 0–4 … 95–99, in percent (2020 census shape).
export const AGE_PYRAMID = [
  5.0, 5.3, 4.5, 4.0, 6.5, 9.0, 10.5, 8.5, 7.5, 8.0, 8.0, 6.5, 5.0, 4.5, 3.0, 1.8, 1.2, 0.7, 0.25, 0.05,
];

// Heads are drawn from the adult pyramid scaled by how often people of that age head a household;
// everyone else is placed relative to the head, which keeps ages within a family consistent.
const HEAD_AGES = weightedTable(
  Array.from({ length: 82 }, (_, i) => {
    const age = 18 + i;
    const band = AGE_PYRAMID[Math.floor(age / 5)] as number;
    const headship = age < 22 ? 0.08 : age < 25 ? 0.2 : age < 30 ? 0.4 : 0.5;
    return [age, band * headship] as const;
  }),
);

const KINDS: readonly HouseholdKind[] = [
  'single',
  'couple',
  'nuclear1',
  'nuclear2',
  'single-parent',
  'with-parents',
  'with-grandchild',
];
// Rows: head aged <22, 22–29, 30–44, 45–59, 60–74, 75+; columns follow KINDS.
const KIND_WEIGHTS: readonly (readonly number[])[] = [
  [100, 0, 0, 0, 0, 0, 0],
  [50, 28, 18, 0, 2, 2, 0],
  [12, 10, 38, 22, 5, 13, 0],
  [10, 28, 38, 10, 5, 7, 2],
  [18, 57, 12, 0, 0, 0, 13],
  [48, 38, 10, 0, 0, 0, 4],
];

function kindFor(rng: Random, headAge: number): HouseholdKind {
  const row =
    headAge < 22 ? 0 : headAge < 30 ? 1 : headAge < 45 ? 2 : headAge < 60 ? 3 : headAge < 75 ? 4 : 5;
  return rng.weighted(KINDS, KIND_WEIGHTS[row] as readonly number[]);
}

function other(g: Gender): Gender {
  return g === '男' ? '女' : '男';
}

function childGender(rng: Random): Gender {
  return rng.chance(0.515) ? '男' : '女';
}

/** A spouse's age: husbands are on average two years older, and both are of marriageable age. */
function spouseAge(rng: Random, age: number, gender: Gender): number {
  const diff = rng.normalInt(2, 3, -5, 12);
  const a = gender === '男' ? age - diff : age + diff;
  return Math.min(100, Math.max(MARRIAGE_AGE[other(gender)], a));
}

/** A child's age from the younger parent's: mothers in Hangzhou have children at ~28 on average. */
function childAge(rng: Random, youngerParentAge: number): number {
  const age = youngerParentAge - rng.normalInt(28, 4, 20, 42);
  return age >= 0 ? age : rng.int(0, Math.max(0, youngerParentAge - 20));
}

/** The members of one household with relations, genders, ages and spouse links. */
export function planHousehold(rng: Random): { kind: HouseholdKind; members: MemberPlan[] } {
  const headAge = HEAD_AGES.pick(rng);
  const kind = kindFor(rng, headAge);
  const headGender: Gender =
    kind === 'single' || kind === 'single-parent' ? childGender(rng) : rng.chance(0.7) ? '男' : '女';
  const members: MemberPlan[] = [{ relation: '户主', gender: headGender, age: headAge, spouse: null }];
  const couple = kind !== 'single' && kind !== 'single-parent' && headAge >= MARRIAGE_AGE[headGender];
  if (couple) {
    members.push({
      relation: '配偶',
      gender: other(headGender),
      age: spouseAge(rng, headAge, headGender),
      spouse: 0,
    });
    (members[0] as MemberPlan).spouse = 1;
  }
  const parentsAge = couple ? Math.min(headAge, (members[1] as MemberPlan).age) : headAge;
  const children =
    kind === 'nuclear2'
      ? 2
      : ['nuclear1', 'single-parent', 'with-parents', 'with-grandchild'].includes(kind)
        ? 1
        : 0;
  let firstChild: number | null = null;
  for (let i = 0; i < children; i++) {
    const prev = firstChild === null ? null : (members[firstChild] as MemberPlan).age;
    const age = prev === null ? childAge(rng, parentsAge) : Math.max(0, prev - rng.int(1, 8));
    const gender = childGender(rng);
    members.push({ relation: gender === '男' ? '子' : '女', gender, age, spouse: null });
    if (firstChild === null) firstChild = members.length - 1;
  }
  if (kind === 'with-parents') addParentsOfHead(rng, members, headAge);
  if (kind === 'with-grandchild' && firstChild !== null) addGrandchild(rng, members, firstChild);
  return { kind, members };
}

function addParentsOfHead(rng: Random, members: MemberPlan[], headAge: number): void {
  const motherAge = headAge + rng.normalInt(27, 4, 20, 42);
  const fatherAge = Math.max(headAge + 20, motherAge + rng.normalInt(2, 3, -3, 10));
  const both = rng.chance(0.55);
  const onlyMother = !both && rng.chance(0.65);
  const start = members.length;
  if ((both || !onlyMother) && fatherAge <= 100)
    members.push({ relation: '父亲', gender: '男', age: fatherAge, spouse: null });
  if ((both || onlyMother) && motherAge <= 100)
    members.push({ relation: '母亲', gender: '女', age: motherAge, spouse: null });
  if (members.length - start === 2) {
    (members[start] as MemberPlan).spouse = start + 1;
    (members[start + 1] as MemberPlan).spouse = start;
  }
}

function addGrandchild(rng: Random, members: MemberPlan[], childIndex: number): void {
  const child = members[childIndex] as MemberPlan;
  if (child.age < MARRIAGE_AGE[child.gender]) return;
  let youngerParent = child.age;
  if (rng.chance(0.8)) {
    const age = spouseAge(rng, child.age, child.gender);
    members.push({
      relation: child.gender === '男' ? '儿媳' : '女婿',
      gender: other(child.gender),
      age,
      spouse: childIndex,
    });
    child.spouse = members.length - 1;
    youngerParent = Math.min(youngerParent, age);
  }
  const gender = childGender(rng);
  members.push({
    relation: gender === '男' ? '孙子' : '孙女',
    gender,
    age: childAge(rng, youngerParent),
    spouse: null,
  });
}
