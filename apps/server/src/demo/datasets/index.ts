import { civilDatasets } from './civil.ts';
import { dataBureauDatasets } from './data-bureau.ts';
import { districtDatasets } from './districts.ts';
import { educationDatasets } from './education.ts';
import { environmentDatasets } from './environment.ts';
import { healthDatasets } from './health.ts';
import { housingDatasets } from './housing.ts';
import { hrssDatasets } from './hrss.ts';
import { marketDatasets } from './market.ts';
import { policeDatasets } from './police.ts';
import { transportDatasets } from './transport.ts';
import type { DemoDataset, DemoElement } from './types.ts';
import { urbanDatasets } from './urban.ts';

export type { DemoDataset, DemoElement, Owner, Row, RowSource, Value } from './types.ts';

/** The demo city's department datasets, in the order they are published and loaded. */
export const DEMO_DATASETS: readonly DemoDataset[] = [
  ...policeDatasets,
  ...civilDatasets,
  ...healthDatasets,
  ...hrssDatasets,
  ...marketDatasets,
  ...housingDatasets,
  ...educationDatasets,
  ...transportDatasets,
  ...environmentDatasets,
  ...urbanDatasets,
  ...dataBureauDatasets,
  ...districtDatasets,
];

/** The data elements (一数一源) the demo declares, each with its one authoritative dataset and field. */
export const DEMO_ELEMENTS: readonly DemoElement[] = [
  {
    code: 'MARITAL_STATUS',
    name: '婚姻状况',
    description: '个人婚姻状况（未婚、已婚、离婚、丧偶），以民政婚姻登记为准；户籍登记中的婚姻状况可能滞后。',
    dataset: 'MZ-HY-002',
    field: 'marital_status',
    keyType: 'resident_id',
    bindings: [{ dataset: 'GA-RK-001', valueField: 'marital_status', keyField: 'id_number' }],
  },
  {
    code: 'ENTERPRISE_NAME',
    name: '企业名称',
    description:
      '市场主体的登记名称，以市场监管部门登记为准；其他部门的许可、参保与就业记录常沿用旧名或简写。',
    dataset: 'SC-ZT-001',
    field: 'name',
    keyType: 'credit_code',
    bindings: [
      { dataset: 'SC-ZT-002', valueField: 'name', keyField: 'credit_code' },
      { dataset: 'ST-PW-001', valueField: 'unit_name', keyField: 'credit_code' },
      { dataset: 'JT-YS-001', valueField: 'name', keyField: 'credit_code' },
      { dataset: 'BJ-GX-001', valueField: 'name', keyField: 'credit_code' },
    ],
  },
  {
    code: 'LEGAL_REPRESENTATIVE',
    name: '法定代表人',
    description: '市场主体的法定代表人（经营者）姓名，以市场监管部门登记为准。',
    dataset: 'SC-ZT-001',
    field: 'legal_rep_name',
    keyType: 'credit_code',
    bindings: [],
  },
  {
    code: 'HUKOU_ADDRESS',
    name: '户籍地址',
    description: '公民的户籍登记地址，以公安户籍登记为准。',
    dataset: 'GA-RK-001',
    field: 'hukou_address',
    keyType: 'resident_id',
    bindings: [{ dataset: 'RS-SB-001', valueField: 'hukou_address', keyField: 'id_number' }],
  },
  {
    code: 'HOUSE_LOCATION',
    name: '房屋坐落',
    description: '房屋的坐落地址，以不动产登记簿为准。',
    dataset: 'ZR-BDC-001',
    field: 'location',
    keyType: 'other',
    bindings: [{ dataset: 'SJ-DZ-001', valueField: 'address', keyField: 'address_code' }],
  },
];
