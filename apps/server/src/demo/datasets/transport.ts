import { districtRoads } from '../addresses.ts';
import { isoOfDay } from '../dates.ts';
import { digits, scatter } from '../world/codes.ts';
import { contact, dayBetween, enterpriseNameVariant, F, pointIn, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'transport' };
const desk = contact('交通运输局信息中心', 'jt-data', '0571-85680000');

const SCOPES = [
  '道路普通货物运输',
  '道路普通货物运输；货物专用运输（集装箱）',
  '道路旅客运输（县内班车客运）',
  '道路普通货物运输；大型物件运输',
];
const PLATFORMS = ['滴滴出行', '曹操出行', 'T3出行', '高德打车', '享道出行'];

/** 杭州市交通运输局: road transport operators, bus stops, ride-hailing drivers. */
export const transportDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'JT-YS-001',
        name: '道路运输经营许可信息',
        nameEn: 'Road transport operating licences',
        description: '道路运输经营业户的经营许可证（每户一证）：经营范围、车辆数与有效期。',
        sourceSystem: '浙江省道路运政管理信息系统',
        theme: 'transport',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['交通', '运输', '许可', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          field('licence_no', '道路运输经营许可证号', 'string'),
          F.enterpriseName('name', '业户名称'),
          field('scope', '经营范围', 'string'),
          F.count('vehicles', '营运车辆数', '辆'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (e.industry_code !== 'G' || e.enterprise_type === '个体工商户' || !u.active) return;
        const issued = dayBetween(rng, e.established_on, isoOfDay(w.asOfDay));
        yield {
          credit_code: e.credit_code,
          licence_no: '',
          name: e.name,
          scope: rng.pick(SCOPES),
          vehicles: u.vehicles.length,
          issued_on: issued,
          valid_until: yearsAfter(issued, 4),
        };
      },
    },
    serial: { field: 'licence_no', format: (n) => `330100${digits(scatter(n, 10 ** 6, 7_919, 808), 6)}` },
    conflict: { rate: 0.03, key: 'credit_code', field: 'name', alternative: enterpriseNameVariant },
  },
  {
    owner,
    entry: entry(
      {
        code: 'JT-ZD-001',
        name: '公交站点信息',
        nameEn: 'Bus stops',
        description: '公交站点的名称、所在道路、坐标（GCJ-02）、途经线路与候车亭设置。',
        sourceSystem: '杭州公交智慧调度系统',
        theme: 'transport',
        updateFrequency: 'monthly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['公交', '出行', '开放数据'],
        fields: [
          key('stop_code', '站点编号'),
          field('name', '站点名称', 'string'),
          field('road', '所在道路', 'string'),
          field('district', '所在区县', 'string'),
          F.lng(),
          F.lat(),
          field('routes', '途经线路', 'string'),
          field('shelter', '是否设候车亭', 'boolean'),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w, rng) {
        for (const d of w.divisions.districts) {
          const roads = districtRoads(d.code);
          let n = 0;
          for (const [i, a] of roads.entries()) {
            for (const b of roads.slice(i + 1)) {
              if (!rng.chance(0.6)) continue;
              // One stop each way at a junction, with the same name as on the sign.
              for (const dir of [1, 2]) {
                const routes = Array.from(
                  { length: rng.int(1, 5) },
                  () => `${rng.chance(0.15) ? 'B' : ''}${rng.int(1, 399)}路`,
                );
                yield {
                  stop_code: `${d.code}${digits(++n, 4)}${dir}`,
                  name: `${a}${b}口`,
                  road: a,
                  district: d.name,
                  ...pointIn(rng, d.code),
                  routes: [...new Set(routes)].join('；'),
                  shelter: rng.chance(0.7),
                };
              }
            }
          }
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'JT-WY-001',
        name: '网络预约出租汽车驾驶员证信息',
        nameEn: 'Ride-hailing driver certificates',
        description: '网约车驾驶员从业资格证：驾驶员、服务平台、发证与有效期、从业车辆。',
        sourceSystem: '杭州市网约车监管平台',
        theme: 'transport',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['网约车', '从业资格'],
        fields: [
          key('cert_no', '从业资格证号'),
          F.idNumber(),
          F.personName(),
          F.gender(),
          field('platform', '服务平台', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
          field('plate', '从业车辆号牌', 'string', { sensitivity: 'medium' }),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.licence?.class !== 'C1' || r.age < 22 || r.age > 60 || !rng.chance(0.03)) continue;
          const issued = dayBetween(rng, '2017-01-01', isoOfDay(w.asOfDay));
          yield {
            cert_no: '',
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            platform: rng.pick(PLATFORMS),
            issued_on: issued,
            valid_until: yearsAfter(issued, 6),
            plate: r.vehicle?.plate ?? null,
          };
        }
      },
    },
    serial: { field: 'cert_no', format: (n) => `3301WY${digits(scatter(n, 10 ** 8, 48_271, 909), 8)}` },
    defects: {
      rates: { bad_checksum: 0.003 },
      key: 'id_number',
      checksumFields: { id_number: 'resident-id' },
    },
  },
];
