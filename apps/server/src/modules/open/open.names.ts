import { createHash } from 'node:crypto';
import type { DatasetField, Theme } from '@shuzhi/contracts';
import { SENSITIVITY_LEVEL, showsInClear } from '../masking/index.ts';

/**
 * A CKAN name for a dataset code: lower case, `[a-z0-9_-]`. Codes are 3–40 of `[A-Za-z0-9_.-]`, so
 * this is always 3–40 characters, and it depends on the code only, which never changes.
 */
export const slugOf = (code: string) => code.toLowerCase().replace(/\./g, '-');

/** CKAN organisation names: the unified social credit code in lower case (18 of [0-9a-z]). */
export const orgSlugOf = (creditCode: string) => creditCode.toLowerCase();

/** A name-based UUID (RFC 9562 version 5), so that derived CKAN ids stay the same across restarts. */
export function uuidV5(name: string, namespace = '6f6e6b61-6e5f-4f70-8e64-7368757a6869'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The CKAN resource id of a dataset's table: distinct from the package id, stable. */
export const resourceIdOf = (datasetId: string) => uuidV5(`resource:${datasetId}`);
export const groupIdOf = (theme: string) => uuidV5(`group:${theme}`);

export const themeTitles: Record<Theme, { zh: string; en: string }> = {
  population: { zh: '人口', en: 'Population' },
  legal_entity: { zh: '法人', en: 'Legal entities' },
  housing: { zh: '房屋', en: 'Housing' },
  geography: { zh: '地理空间', en: 'Geospatial' },
  economy: { zh: '经济', en: 'Economy' },
  society: { zh: '社会民生', en: 'Society and livelihood' },
  environment: { zh: '生态环境', en: 'Environment' },
  transport: { zh: '交通', en: 'Transport' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '卫生健康', en: 'Health' },
  credit: { zh: '信用', en: 'Credit' },
  urban: { zh: '城市管理', en: 'Urban management' },
  other: { zh: '其他', en: 'Other' },
};

/** CKAN DataStore column types for the catalog's field types. */
export const ckanType: Record<DatasetField['type'], string> = {
  string: 'text',
  integer: 'int',
  decimal: 'numeric',
  boolean: 'bool',
  date: 'date',
  datetime: 'timestamp',
};

/**
 * Fields that open data shows: those the masking policy lets out unchanged to the public (no
 * approval), i.e. declared without personal or sensitive content. Open data leaves a field out rather
 * than masking it until a de-identification step (k-anonymity) exists for opening. The dataset's own
 * level needs no say here: it raises only personal fields, already left out, and L4 is never open.
 */
export const openFields = (fields: DatasetField[]) =>
  fields.filter((f) =>
    showsInClear({ level: SENSITIVITY_LEVEL[f.sensitivity], type: null, approved: 'none' }),
  );

/**
 * Asked before rows of an open dataset leave (privacy's release gate): throws while a dataset with
 * personal fields has data that no passing k-anonymity check describes.
 */
export type ReleaseCheck = (ds: { id: string; code: string; fields: DatasetField[] }) => Promise<void>;

/** A catalog row (fields stored as JSON) as the release gate reads it. */
export const gated = (d: { id: string; code: string; fields: unknown }) => ({
  id: d.id,
  code: d.code,
  fields: d.fields as DatasetField[],
});

/** CKAN timestamps: UTC without a zone suffix, as CKAN's own API writes them. */
export const ckanTime = (d: Date | string | null) =>
  d === null ? null : new Date(d).toISOString().replace(/Z$/, '');

/**
 * The one licence open data is offered under until the catalog records one per dataset: CKAN's
 * "Other (Attribution)", i.e. the platform's terms of use, attribution required.
 */
export const LICENSE = { id: 'other-at', title: 'Other (Attribution)', url: '' } as const;
