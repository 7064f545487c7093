import type { Dataset, DatasetField } from '@shuzhi/contracts';

const jsonType = (f: DatasetField, masked: boolean) => {
  if (masked) return { type: ['string', 'null'] };
  switch (f.type) {
    case 'integer':
      return { type: ['integer', 'null'] };
    case 'decimal':
      return { type: ['number', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'date':
      return { type: ['string', 'null'], format: 'date' };
    case 'datetime':
      return { type: ['string', 'null'], format: 'date-time' };
    default:
      return { type: ['string', 'null'] };
  }
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The OpenAPI 3.1 description of one dataset's sharing APIs: its key, its fields (masked ones as
 * strings) and the four operations, so that a consumer's developers can generate a client for it.
 */
export function datasetOpenApi(ds: Dataset, serverUrl: string) {
  const keys = ds.fields.filter((f) => f.key);
  const base = `/api/v1/share/${ds.code}`;
  const record = {
    type: 'object',
    description:
      '只含授权字段；敏感字段按分级与授权脱敏 / Granted fields only; sensitive ones masked by level and grant',
    properties: Object.fromEntries(
      ds.fields.map((f) => [
        f.name,
        { ...jsonType(f, f.sensitivity !== 'none'), title: f.title, description: f.description },
      ]),
    ),
  };
  const key = {
    type: 'object',
    required: keys.map((k) => k.name),
    additionalProperties: false,
    properties: Object.fromEntries(keys.map((k) => [k.name, { ...jsonType(k, false), title: k.title }])),
  };
  const fieldsInfo = { type: 'array', items: { type: 'object' } };
  const denials = {
    '400': problem('参数无效 / Invalid input'),
    '401': problem('令牌无效 / Invalid token'),
    '403': problem(
      '无授权、授权已撤销或过期、字段或区域超出授权 / No grant, revoked or expired, field or area outside it',
    ),
    '404': problem('无此记录 / No such record'),
    '429': problem('超出配额或频率 / Quota or rate exceeded'),
  };
  const json = (schema: object) => ({ content: { 'application/json': { schema } } });
  return {
    openapi: '3.1.0',
    info: {
      title: `${ds.name} 共享接口 / Sharing API of ${ds.nameEn ?? ds.code}`,
      version: String(ds.version),
      description: `${ds.description}\n\n提供单位 / Owner: ${ds.ownerOrgName}. 共享类型 / Share type: ${ds.shareType}. 分级 / Level: ${ds.level}.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ clientCredentials: [] }],
    components: {
      securitySchemes: {
        clientCredentials: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', scopes: {} } },
        },
      },
      schemas: {
        Record: record,
        Key: key,
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
          },
        },
      },
    },
    paths: {
      [`${base}/lookup`]: {
        get: {
          operationId: 'lookup',
          summary: '按键查询一条记录 / One record by key',
          parameters: keys.map((k) => ({
            name: k.name,
            in: 'query',
            required: true,
            schema: jsonType(k, false),
            description: k.title,
          })),
          responses: {
            '200': json({
              type: 'object',
              properties: {
                dataset: { type: 'string' },
                fields: fieldsInfo,
                record: { $ref: '#/components/schemas/Record' },
              },
            }),
            ...denials,
          },
        },
      },
      [`${base}/records`]: {
        get: {
          operationId: 'records',
          summary: '按条件分页查询 / Records by filter, paged',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            {
              name: 'filters',
              in: 'query',
              description: 'JSON: {"field": value | [values]}，仅限未脱敏字段 / unmasked fields only',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': json({
              type: 'object',
              properties: {
                records: { type: 'array', items: { $ref: '#/components/schemas/Record' } },
                total: { type: 'integer' },
                limit: { type: 'integer' },
                offset: { type: 'integer' },
              },
            }),
            ...denials,
          },
        },
      },
      [`${base}/batch`]: {
        post: {
          operationId: 'batch',
          summary: '批量按键查询（至多 100 个）/ Up to 100 records by key',
          requestBody: json({
            type: 'object',
            required: ['keys'],
            properties: {
              keys: { type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/Key' } },
            },
          }),
          responses: {
            '200': json({
              type: 'object',
              properties: {
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      key: { $ref: '#/components/schemas/Key' },
                      record: { oneOf: [{ $ref: '#/components/schemas/Record' }, { type: 'null' }] },
                    },
                  },
                },
              },
            }),
            ...denials,
          },
        },
      },
      [`${base}/verify`]: {
        post: {
          operationId: 'verify',
          summary: '核验：记录是否与给定值一致（逐字段是/否）/ Verify values field by field (yes/no)',
          requestBody: json({
            type: 'object',
            required: ['key', 'values'],
            properties: { key: { $ref: '#/components/schemas/Key' }, values: { type: 'object' } },
          }),
          responses: {
            '200': json({
              type: 'object',
              properties: {
                found: { type: 'boolean' },
                matches: { type: 'object', additionalProperties: { type: 'boolean' } },
              },
            }),
            ...denials,
          },
        },
      },
    },
  };
}
