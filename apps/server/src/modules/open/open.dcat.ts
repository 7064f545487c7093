import type { Org, Theme } from '@shuzhi/contracts';
import { DataFactory, type Quad, type Term, Writer } from 'n3';
import { downloadUrl } from './ckan.dicts.ts';
import { orgSlugOf, resourceIdOf, slugOf } from './open.names.ts';
import type { OpenDatasetRow } from './open.repo.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;
const p = (curie: string) => {
  const [prefix, local] = curie.split(':') as [keyof typeof PREFIXES, string];
  return namedNode(PREFIXES[prefix] + local);
};

const EU_THEME = 'http://publications.europa.eu/resource/authority/data-theme/';
/** The catalog's themes on the EU data-theme vocabulary; "other" has no counterpart and gets none. */
export const themeToEu: Partial<Record<Theme, string>> = {
  population: 'SOCI',
  legal_entity: 'ECON',
  housing: 'REGI',
  geography: 'REGI',
  economy: 'ECON',
  society: 'SOCI',
  environment: 'ENVI',
  transport: 'TRAN',
  education: 'EDUC',
  health: 'HEAL',
  credit: 'ECON',
  urban: 'REGI',
};
const FREQUENCY: Record<string, string> = {
  realtime: 'UPDATE_CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
};
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const MEDIA_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const datasetUri = (base: string, d: OpenDatasetRow) => `${base}/dataset/${slugOf(d.code)}`;
const time = (d: Date) => literal(new Date(d).toISOString(), p('xsd:dateTime'));

/** The DCAT-AP 3 statements about one dataset, its publisher, contact point and distributions. */
export function datasetQuads(base: string, d: OpenDatasetRow, org: Org): Quad[] {
  const s = namedNode(datasetUri(base, d));
  const out: Quad[] = [];
  const add = (subj: Quad['subject'], pred: string, obj: Term) =>
    out.push(quad(subj, p(pred), obj as Quad['object']));
  add(s, 'rdf:type', p('dcat:Dataset'));
  add(s, 'dct:identifier', literal(d.code));
  const adms = blankNode();
  add(s, 'adms:identifier', adms);
  add(adms, 'rdf:type', p('adms:Identifier'));
  add(adms, 'skos:notation', literal(d.code));
  add(s, 'dct:title', literal(d.name, 'zh'));
  if (d.name_en) add(s, 'dct:title', literal(d.name_en, 'en'));
  add(s, 'dct:description', literal(d.description || d.name, 'zh'));
  for (const t of d.tags as string[]) add(s, 'dcat:keyword', literal(t, 'zh'));
  const eu = themeToEu[d.theme as Theme];
  if (eu) add(s, 'dcat:theme', namedNode(EU_THEME + eu));
  const freq = FREQUENCY[d.update_frequency];
  if (freq)
    add(
      s,
      'dct:accrualPeriodicity',
      namedNode(`http://publications.europa.eu/resource/authority/frequency/${freq}`),
    );
  if (d.published_at) add(s, 'dct:issued', time(d.published_at));
  add(s, 'dct:modified', time(d.updated_at));
  const publisher = namedNode(`${base}/organization/${orgSlugOf(org.code)}`);
  add(s, 'dct:publisher', publisher);
  add(publisher, 'rdf:type', p('foaf:Agent'));
  add(publisher, 'foaf:name', literal(org.name, 'zh'));
  if (org.nameEn) add(publisher, 'foaf:name', literal(org.nameEn, 'en'));
  const c = d.contact;
  if (c.name || c.email || c.phone) {
    const v = blankNode();
    add(s, 'dcat:contactPoint', v);
    add(v, 'rdf:type', p('vcard:Kind'));
    if (c.name) add(v, 'vcard:fn', literal(c.name));
    if (c.email) add(v, 'vcard:hasEmail', namedNode(`mailto:${c.email}`));
    if (c.phone) add(v, 'vcard:hasTelephone', namedNode(`tel:${c.phone.replace(/[^0-9+]/g, '')}`));
  }
  for (const format of ['csv', 'json', 'xlsx'] as const) {
    const dist = namedNode(`${datasetUri(base, d)}/resource/${resourceIdOf(d.id)}#${format}`);
    const url = namedNode(downloadUrl(base, d.code, format));
    add(s, 'dcat:distribution', dist);
    add(dist, 'rdf:type', p('dcat:Distribution'));
    add(dist, 'dct:title', literal(`${d.name} (${format.toUpperCase()})`, 'zh'));
    add(dist, 'dcat:accessURL', url);
    add(dist, 'dcat:downloadURL', url);
    add(dist, 'dct:format', namedNode(FILE_TYPE + format.toUpperCase()));
    add(
      dist,
      'dcat:mediaType',
      namedNode(`https://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}`),
    );
    add(dist, 'dct:modified', time(d.updated_at));
  }
  return out;
}

/** The catalogue: the platform as publisher, and every open dataset. */
export function catalogQuads(
  base: string,
  title: string,
  datasets: { d: OpenDatasetRow; org: Org }[],
): Quad[] {
  const s = namedNode(`${base}/catalog`);
  const platform = namedNode(`${base}/#publisher`);
  const out: Quad[] = [
    quad(s, p('rdf:type'), p('dcat:Catalog')),
    quad(s, p('dct:title'), literal(title, 'zh')),
    quad(s, p('dct:title'), literal('Open data catalogue', 'en')),
    quad(s, p('dct:description'), literal('无条件开放的公共数据目录', 'zh')),
    quad(s, p('dct:description'), literal('Public data open without conditions', 'en')),
    quad(s, p('dct:publisher'), platform),
    quad(s, p('foaf:homepage'), namedNode(`${base}/`)),
    quad(platform, p('rdf:type'), p('foaf:Agent')),
    quad(platform, p('foaf:name'), literal(title, 'zh')),
  ];
  for (const { d, org } of datasets) {
    out.push(quad(s, p('dcat:dataset'), namedNode(datasetUri(base, d))));
    out.push(...datasetQuads(base, d, org));
  }
  return out;
}

export function toTurtle(quads: Quad[]): Promise<string> {
  const w = new Writer({ prefixes: PREFIXES });
  w.addQuads(quads);
  return new Promise((resolve, reject) => w.end((e, out) => (e ? reject(e) : resolve(out))));
}

const compact = (iri: string) => {
  for (const [k, v] of Object.entries(PREFIXES)) if (iri.startsWith(v)) return `${k}:${iri.slice(v.length)}`;
  return iri;
};

/** JSON-LD in compact form: one node per subject, prefixes in the @context. */
export function toJsonLd(quads: Quad[]) {
  const nodes = new Map<string, Record<string, unknown>>();
  const id = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  for (const q of quads) {
    const key = id(q.subject);
    const node = nodes.get(key) ?? { '@id': key };
    nodes.set(key, node);
    const o = q.object;
    const pred = q.predicate.value === `${PREFIXES.rdf}type` ? '@type' : compact(q.predicate.value);
    let value: unknown;
    if (pred === '@type') value = compact(o.value);
    else if (o.termType === 'Literal') {
      if (o.language) value = { '@value': o.value, '@language': o.language };
      else if (o.datatype.value !== `${PREFIXES.xsd}string`)
        value = { '@value': o.value, '@type': compact(o.datatype.value) };
      else value = o.value;
    } else value = { '@id': id(o) };
    const prev = node[pred];
    node[pred] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
