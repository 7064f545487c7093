import { isoOfDay } from '../dates.ts';
import type { Enterprise } from '../enterprises.ts';
import type { Random } from '../random.ts';
import type { PlateAllocator } from './codes.ts';

export type Job = {
  employer: Enterprise;
  since: string;
  position: string;
  /** Monthly wage in yuan, which is also the social-insurance contribution base. */
  wage: number;
  contract: string;
};

export type Licence = {
  class: 'C1' | 'C2' | 'B2' | 'A2' | 'A1';
  firstIssued: string;
  validUntil: string;
  points: number;
  status: '正常' | '满分' | '逾期未换证';
};

export type Vehicle = {
  plate: string;
  plateType: '小型汽车' | '小型新能源汽车' | '大型汽车';
  vehicleType: string;
  brand: string;
  color: string;
  registeredOn: string;
  inspectionUntil: string;
  status: '正常' | '逾期未检验' | '违法未处理';
};

const CAR_BRANDS =
  '大众 丰田 本田 吉利 比亚迪 别克 日产 奥迪 宝马 奔驰 长安 哈弗 特斯拉 理想 蔚来 零跑 极氪 小鹏'.split(' ');
const ELECTRIC_BRANDS = ['比亚迪', '特斯拉', '理想', '蔚来', '零跑', '极氪', '小鹏', '吉利'];
const TRUCK_BRANDS = ['解放', '东风', '重汽', '福田', '江淮'];
const COLORS = ['白', '黑', '灰', '银', '蓝', '红'];

/** A driving licence for about half of the adults, more often in mid-life. */
export function pickLicence(rng: Random, age: number, birthDay: number, asOfDay: number): Licence | null {
  if (age < 18 || age > 75) return null;
  const p = age < 25 ? 0.35 : age < 55 ? 0.68 : age < 65 ? 0.4 : 0.15;
  if (!rng.chance(p)) return null;
  const earliest = birthDay + Math.ceil(18 * 365.25);
  const first = rng.int(earliest, asOfDay);
  const cls = rng.weighted<Licence['class']>(['C1', 'C2', 'B2', 'A2', 'A1'], [82, 12, 3, 2, 1]);
  // Six years, then ten, then long-term: the validity of the licence in hand.
  const years = (asOfDay - first) / 365.25;
  const period = years < 6 ? 6 : years < 16 ? 16 : 60;
  const validUntil = Math.min(first + Math.round(period * 365.25), birthDay + Math.round(100 * 365.25));
  const r = rng.next();
  return {
    class: cls,
    firstIssued: isoOfDay(first),
    validUntil: isoOfDay(validUntil),
    points: rng.chance(0.7) ? 0 : rng.pick([1, 1, 2, 3, 3, 6, 9]),
    status: validUntil < asOfDay ? '逾期未换证' : r < 0.004 ? '满分' : '正常',
  };
}

/** A car (or a truck for transport firms) registered at or after `fromDay`. */
export function makeVehicle(
  rng: Random,
  plates: PlateAllocator,
  fromDay: number,
  asOfDay: number,
  truck: boolean,
): Vehicle {
  const registered = fromDay >= asOfDay ? asOfDay : rng.int(Math.max(fromDay, asOfDay - 15 * 365), asOfDay);
  const year = Number(isoOfDay(registered).slice(0, 4));
  const electric = !truck && year >= 2018 && rng.chance(0.45);
  // Cars are first inspected after six years, then every two; trucks every year.
  const ageYears = (asOfDay - registered) / 365.25;
  const step = truck ? 1 : ageYears < 6 ? 6 : 2;
  let due = registered + Math.round(step * 365.25);
  while (due < asOfDay - 200) due += Math.round((truck ? 1 : 2) * 365.25);
  const status = due < asOfDay ? '逾期未检验' : rng.chance(0.03) ? '违法未处理' : '正常';
  return {
    plate: plates.next(electric),
    plateType: truck ? '大型汽车' : electric ? '小型新能源汽车' : '小型汽车',
    vehicleType: truck
      ? rng.pick(['重型厢式货车', '中型普通客车', '重型仓栅式货车'])
      : rng.weighted(['小型轿车', '小型普通客车'], [75, 25]),
    brand: truck ? rng.pick(TRUCK_BRANDS) : electric ? rng.pick(ELECTRIC_BRANDS) : rng.pick(CAR_BRANDS),
    color: rng.pick(COLORS),
    registeredOn: isoOfDay(registered),
    inspectionUntil: isoOfDay(due),
    status,
  };
}

const POSITIONS: Record<string, string[]> = {
  C: ['生产操作工', '质检员', '机修工', '车间主任', '工艺工程师'],
  E: ['施工员', '安全员', '预算员', '项目经理'],
  F: ['销售员', '店长', '理货员', '采购员'],
  G: ['货车司机', '快递员', '调度员', '仓库管理员'],
  H: ['厨师', '服务员', '前厅经理'],
  I: ['软件工程师', '测试工程师', '产品经理', '运维工程师', '数据分析师'],
  J: ['客户经理', '风控专员', '柜员'],
  K: ['置业顾问', '物业管理员'],
};
const OFFICE = ['行政专员', '会计', '人事专员', '销售代表', '客服专员'];

export function pickPosition(rng: Random, industry: string): string {
  const own = POSITIONS[industry];
  return own && rng.chance(0.7) ? rng.pick(own) : rng.pick(OFFICE);
}
