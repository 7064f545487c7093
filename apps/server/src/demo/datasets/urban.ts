import { districtRoads } from '../addresses.ts';
import { isoOfDay } from '../dates.ts';
import { digits } from '../world/codes.ts';
import { contact, dayBetween, F, pointIn, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'urban' };
const desk = contact('城市管理局信息中心', 'cg-data', '0571-87100000');

const AD_TYPES = ['店招店牌', '墙面广告', '立柱广告', '电子显示屏'];

/** 杭州市城市管理局: public toilets and outdoor advertising permits. */
export const urbanDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'CG-GC-001',
        name: '城市公共厕所',
        nameEn: 'Public toilets',
        description: '城市管理部门管养的公共厕所：名称、地址、类别、开放时间、无障碍设施与坐标（GCJ-02）。',
        sourceSystem: '杭州市城市管理综合平台',
        theme: 'urban',
        updateFrequency: 'monthly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['市政设施', '公厕', '开放数据'],
        fields: [
          key('toilet_code', '公厕编号'),
          field('name', '公厕名称', 'string'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          field('grade', '类别', 'string'),
          field('open_hours', '开放时间', 'string'),
          field('accessible', '是否有无障碍设施', 'boolean'),
          F.lng(),
          F.lat(),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w, rng) {
        for (const c of w.divisions.communities) {
          if (!rng.chance(c.rural ? 0.2 : 0.45)) continue;
          const road = rng.pick(districtRoads(c.district.code));
          yield {
            toilet_code: `${c.code}01`,
            name: `${road}公厕`,
            address: `杭州市${c.district.name}${c.street.name}${road}${rng.int(1, 600)}号旁`,
            district: c.district.name,
            street: c.street.name,
            grade: rng.weighted(['一类', '二类', '三类'], [20, 60, 20]),
            open_hours: rng.chance(0.7) ? '全天' : '06:00-22:00',
            accessible: rng.chance(0.65),
            ...pointIn(rng, c.district.code),
          };
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'CG-GG-001',
        name: '户外广告设施设置许可',
        nameEn: 'Outdoor advertising permits',
        description: '户外广告与招牌设施的设置许可：设置单位、位置、形式、面积与有效期。',
        sourceSystem: '杭州市城市管理综合平台',
        theme: 'urban',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['市容', '广告', '许可', '开放数据'],
        fields: [
          key('permit_no', '许可编号'),
          F.creditCode(),
          F.enterpriseName('applicant', '设置单位'),
          field('location', '设置位置', 'string'),
          field('facility_type', '设施形式', 'string'),
          field('area_m2', '面积', 'decimal', { unit: '平方米' }),
          F.date('approved_on', '许可日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (!['F', 'H', 'O'].includes(e.industry_code) || !u.active || !rng.chance(0.06)) return;
        const approved = dayBetween(rng, isoOfDay(w.asOfDay - 3 * 365), isoOfDay(w.asOfDay));
        yield {
          permit_no: '',
          credit_code: e.credit_code,
          applicant: e.name,
          location: e.registered_address,
          facility_type: rng.pick(AD_TYPES),
          area_m2: (rng.int(10, 600) / 10).toFixed(1),
          approved_on: approved,
          valid_until: yearsAfter(approved, 3),
        };
      },
    },
    serial: {
      field: 'permit_no',
      format: (n, row) => `杭城管广许〔${String(row.approved_on).slice(0, 4)}〕${digits(n + 1, 5)}号`,
    },
  },
];
