import type { Community } from './divisions.ts';
import type { Random } from './random.ts';

// A handful of real main roads per district; a synthetic address only needs a road that belongs there.
const ROADS: Record<string, string> = {
  '330102': '解放路 延安南路 中河中路 建国南路 清泰街 望江路 秋涛路 景昙路 钱江路 庆春东路 凤起东路 新塘路',
  '330105': '莫干山路 湖墅南路 上塘路 建国北路 体育场路 德胜路 大关路 丽水路 金华路 石祥路 东新路 香积寺路',
  '330106': '文三路 文二路 天目山路 古墩路 学院路 教工路 文一西路 西溪路 紫金港路 留和路 申花路 转塘街',
  '330108': '江南大道 滨盛路 江虹路 长河路 浦沿路 网商路 西兴路 闻涛路 月明路 秋溢路 火炬大道',
  '330109': '市心中路 金城路 人民路 通惠路 北干山路 萧绍路 育才路 山阴路 湘湖路 建设一路 宁围街',
  '330110': '五常大道 良睦路 海曙路 龙潭路 荆长路 禹航路 文一西路 良渚大道 闲兴路 仓兴街',
  '330111': '桂花路 金桥路 江滨西大道 恩波大道 体育馆路 文教路 江滨东大道 春秋北路 富春街',
  '330112': '钱王街 衣锦街 万马路 城中街 苕溪北街 农林大路 天目路 石镜街 锦城街',
  '330113': '迎宾路 世纪大道 人民大道 南苑街 星光街 藕花洲大街 临东路 望梅路 振兴路',
  '330114': '学源街 学林街 文泽路 文渊路 江东大道 义蓬路 青六中路 听涛路 学正街',
  '330122': '迎春南路 白云源路 学圣路 春江路 瑶琳路 富春路 大奇山路 城南街',
  '330127': '新安大街 环湖北路 梦姑路 青溪大道 新安东路 排岭路 阳光路 开元路',
  '330182': '新安路 严州大道 洋溪路 府前路 江滨路 朝阳路 罗桐路 新安江路',
};

/** The main roads of a district (a generic list for a code without its own). */
export function districtRoads(districtCode: string): string[] {
  return (ROADS[districtCode] ?? '人民路 解放路 中山路').split(' ');
}

const roadCache = new Map<string, string[]>();

function roadsFor(community: Community): string[] {
  const cached = roadCache.get(community.code);
  if (cached) return cached;
  const roads = districtRoads(community.district.code);
  // A community named after its road (劳动路社区, 庙前街社区) lives on that road.
  const own = /^(.+?[路街巷])社区$/.exec(community.name)?.[1];
  const list = own ? [own, own, own, ...roads] : roads;
  roadCache.set(community.code, list);
  return list;
}

export type Address = {
  district: string;
  street: string;
  community: string;
  communityCode: string;
  /** 路/街 and 号 for urban addresses; 组 and 号 in villages. */
  road: string;
  number: string;
  building: number | null;
  unit: number | null;
  room: string | null;
  /** The full address line, from 杭州市 to the room. */
  text: string;
};

/**
 * A dwelling in a community: a flat (幢/单元/室) in town, a house (组/号) in a village. Village houses
 * are numbered from `serial` (the community's n-th household) when given, so that none are drawn twice.
 */
export function dwellingAddress(rng: Random, community: Community, serial?: number): Address {
  const district = community.district.name;
  const street = community.street.name;
  const prefix = `浙江省杭州市${district}${street}${community.name}`;
  if (community.rural && rng.chance(0.85)) {
    // Villages have 6–15 groups (村民小组), numbered houses in each.
    const groups = 6 + (Number(community.code.slice(-3)) % 10);
    const road = serial === undefined ? `${rng.int(1, groups)}组` : `${(serial % groups) + 1}组`;
    const number = serial === undefined ? `${rng.int(1, 160)}号` : `${Math.floor(serial / groups) + 1}号`;
    return {
      district,
      street,
      community: community.name,
      communityCode: community.code,
      road,
      number,
      building: null,
      unit: null,
      room: null,
      text: `${prefix}${road}${number}`,
    };
  }
  const road = rng.pick(roadsFor(community));
  const number = `${rng.int(1, 999)}号`;
  const building = rng.int(1, 36);
  const unit = rng.int(1, 4);
  const floor = rng.chance(0.2) ? rng.int(7, 33) : rng.int(1, 6);
  const room = `${floor}0${rng.int(1, 4)}`;
  return {
    district,
    street,
    community: community.name,
    communityCode: community.code,
    road,
    number,
    building,
    unit,
    room,
    text: `${prefix}${road}${number}${building}幢${unit}单元${room}室`,
  };
}

/** A business address: a road number, sometimes with a room, in a real street of the district. */
export function businessAddress(rng: Random, community: Community): string {
  const road = rng.pick(roadsFor(community));
  const room = rng.chance(0.6)
    ? `${rng.int(1, 30)}幢${rng.int(1, 25)}${String(rng.int(1, 30)).padStart(2, '0')}室`
    : '';
  return `浙江省杭州市${community.district.name}${community.street.name}${road}${rng.int(1, 999)}号${room}`;
}
