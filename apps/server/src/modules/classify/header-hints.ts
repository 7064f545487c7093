import type { PersonalDataType } from '../masking/index.ts';

type Hint = { types: PersonalDataType[]; zh: string[]; en: string[] };

/**
 * Header words per type. Chinese words match anywhere in the header; English words match whole tokens
 * of the header split at punctuation and camelCase (so `lat` hints at `gps_lat` but not `relation`),
 * or runs of them joined (`id_card`, `idCard` → `idcard`).
 */
const HINTS: Hint[] = [
  {
    types: ['resident_id'],
    zh: ['身份证', '身份号码', '公民身份'],
    en: ['idcard', 'idno', 'idnumber', 'identity', 'sfz', 'sfzh', 'sfzhm', 'citizenid'],
  },
  {
    types: ['resident_id', 'passport'],
    zh: ['证件号', '证件编号'],
    en: ['certno', 'certificateno', 'docno'],
  },
  { types: ['passport'], zh: ['护照', '通行证'], en: ['passport', 'passportno'] },
  { types: ['mobile'], zh: ['手机', '移动电话'], en: ['mobile', 'cell', 'cellphone', 'sjh', 'msisdn'] },
  { types: ['mobile', 'landline'], zh: ['电话', '联系方式'], en: ['phone', 'tel', 'telephone', 'contact'] },
  { types: ['landline'], zh: ['固话', '座机', '固定电话'], en: ['landline', 'fax'] },
  {
    types: ['person_name'],
    zh: ['姓名', '联系人', '法定代表人', '法人代表', '负责人', '申请人', '户主', '经办人', '当事人'],
    en: ['name', 'fullname', 'xm', 'xingming', 'surname', 'firstname', 'lastname'],
  },
  {
    types: ['address'],
    zh: ['地址', '住址', '居住地', '户籍地', '住所', '所在地'],
    en: ['address', 'addr', 'residence', 'domicile'],
  },
  { types: ['birth_date'], zh: ['出生', '生日'], en: ['birth', 'birthday', 'birthdate', 'dob', 'csrq'] },
  {
    types: ['bank_card'],
    zh: ['银行卡', '卡号', '账号', '银行账户', '开户'],
    en: ['bank', 'card', 'cardno', 'account', 'acct', 'iban', 'yhkh'],
  },
  {
    types: ['credit_code'],
    zh: ['统一社会信用代码', '信用代码'],
    en: ['credit', 'creditcode', 'uscc', 'shxydm', 'tyshxydm'],
  },
  { types: ['licence_plate'], zh: ['车牌', '号牌'], en: ['plate', 'licence', 'license', 'cph', 'hphm'] },
  { types: ['email'], zh: ['邮箱', '电子邮件', '电邮'], en: ['email', 'mail', 'mailbox'] },
  {
    types: ['coordinates'],
    zh: ['经度', '纬度', '经纬度', '坐标', '定位'],
    en: [
      'lat',
      'lng',
      'lon',
      'latitude',
      'longitude',
      'coord',
      'coords',
      'coordinates',
      'gps',
      'geo',
      'location',
    ],
  },
];

// `name` next to one of these is an organisation's, a place's or a thing's name, not a person's.
const NOT_PERSONAL_NAME = new Set(
  (
    'company org organization organisation dept department file product street road district city ' +
    'province area unit project item dataset table column brand shop store school hospital building ' +
    'village community type category user host domain app field'
  ).split(' '),
);

/** The personal-data types a column header suggests (empty when it suggests none). */
export function headerHints(header: string): Set<PersonalDataType> {
  const h = header.trim();
  const tokens = h
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  // Contiguous runs of up to 3 tokens, joined: `id_card_no` offers `idcard`, `cardno`, `idcardno`.
  const words = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= Math.min(tokens.length, i + 3); j++) words.add(tokens.slice(i, j).join(''));
  }
  const out = new Set<PersonalDataType>();
  for (const hint of HINTS) {
    const zh = hint.zh.some((w) => h.includes(w));
    const en = hint.en.some((w) => words.has(w));
    if (!zh && !en) continue;
    if (!zh && hint.types[0] === 'person_name' && tokens.some((t) => NOT_PERSONAL_NAME.has(t))) continue;
    for (const t of hint.types) out.add(t);
  }
  // `id card` is the resident ID card, not a bank card.
  if (out.has('resident_id') && !/银行|卡号/.test(h) && !tokens.includes('bank')) out.delete('bank_card');
  return out;
}
