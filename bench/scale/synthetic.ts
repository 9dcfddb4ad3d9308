/**
 * Synthetic FAQs for the scale benchmark: object × aspect intents (`faq.s.<object>.<aspect>`), about 34 training
 * utterances each, plus held-out test utterances written with templates training never uses.
 */
import type { IntentFile } from '../../src/content/schema';

/** Things partners ask about; each has two or three ways to say it. */
const OBJECTS: string[][] = [
  ['리프레시 교육', '리프레쉬 교육', '리프레시'],
  ['입문 교육', '신규 교육', '입문 과정'],
  ['수료증', '이수증', '수료 증명서'],
  ['교육비', '교육 비용', '수강료'],
  ['교육장', '교육 장소', '교육 센터'],
  ['앱 설치', '어플 설치', '앱 다운로드'],
  ['차량 등록', '차 등록', '차량 정보 등록'],
  ['보험 가입', '보험', '택시 보험'],
  ['정산', '수입 정산', '정산금'],
  ['카드 결제', '카드 단말기', '결제 단말기'],
  ['배차', '배차 요청', '콜 배차'],
  ['블루 배지', '배지', '파트너 배지'],
  ['블랙박스', '블박', '차량 블랙박스'],
  ['내비게이션', '내비', '길안내'],
  ['사고 처리', '교통사고', '사고 접수'],
  ['분실물', '유실물', '손님 분실물'],
  ['승객 평가', '별점', '고객 평점'],
  ['포인트', '적립 포인트', '리워드 포인트'],
  ['유니폼', '근무복', '복장'],
  ['휴무 신청', '휴무', '쉬는 날 신청'],
  ['운행 기록', '운행 일지', '주행 기록'],
  ['계좌 변경', '정산 계좌', '입금 계좌'],
  ['명의 변경', '사업자 명의', '대표자 변경'],
  ['차량 광고', '래핑 광고', '광고 스티커'],
  ['세금계산서', '계산서 발행', '세금 계산서'],
];

/** What they ask about it: training templates and held-out test templates (`{o}` is the object). */
const ASPECTS: Array<{ id: string; train: string[]; test: string[] }> = [
  {
    id: 'apply',
    train: ['{o} 신청 방법', '{o} 어떻게 신청해요', '{o} 신청하려면 어떻게 하나요', '{o} 신청하고 싶어요', '{o} 신청은 어디서 해요', '{o} 접수 방법 알려주세요', '{o} 신청 절차가 궁금해요', '{o} 어떻게 받아요', '{o} 하려면 뭐부터 해야 돼요', '{o} 신청 좀 도와주세요', '{o} 신청하는 법', '{o} 접수는 어떻게 하죠'],
    test: ['{o} 신청하는 방법 좀 알려줘', '{o} 접수하려는데 어떻게 해'],
  },
  {
    id: 'deadline',
    train: ['{o} 언제까지 해야 돼요', '{o} 마감이 언제예요', '{o} 기한 알려주세요', '{o} 기간이 어떻게 돼요', '{o} 마감일', '{o} 언제까지 가능해요', '{o} 기한 지나면 어떻게 돼요', '{o} 날짜가 언제죠', '{o} 몇 일까지예요', '{o} 마감 연장 되나요', '{o} 기한이 궁금합니다', '{o} 기간 안내'],
    test: ['{o} 마감 날짜 알려줘', '{o} 기한이 언제까지인가요'],
  },
  {
    id: 'cost',
    train: ['{o} 비용 얼마예요', '{o} 돈 내야 하나요', '{o} 무료인가요', '{o} 가격 알려주세요', '{o} 요금이 얼마죠', '{o} 유료예요', '{o} 비용 부담은 누가 해요', '{o} 얼마 들어요', '{o} 금액이 궁금해요', '{o} 비용 환급 되나요', '{o} 공짜예요', '{o} 수수료 있나요'],
    test: ['{o} 돈 얼마나 드나요', '{o} 가격이 어떻게 되죠'],
  },
  {
    id: 'documents',
    train: ['{o} 필요 서류', '{o} 뭐 준비해야 돼요', '{o} 서류 뭐 내요', '{o} 준비물 알려주세요', '{o} 제출 서류가 뭐예요', '{o} 챙겨갈 거 있나요', '{o} 필요한 게 뭐죠', '{o} 구비 서류', '{o} 서류 어디에 내요', '{o} 신분증 필요해요', '{o} 준비 서류 목록', '{o} 뭘 가져가야 하나요'],
    test: ['{o} 필요한 서류가 뭔가요', '{o} 준비할 서류 알려줘'],
  },
  {
    id: 'cancel',
    train: ['{o} 취소하고 싶어요', '{o} 취소 방법', '{o} 변경 가능해요', '{o} 바꾸고 싶어요', '{o} 취소되나요', '{o} 변경하려면 어떻게 해요', '{o} 철회하고 싶어요', '{o} 다른 날로 바꿀 수 있나요', '{o} 취소 수수료', '{o} 변경 신청', '{o} 취소는 어디서 해요', '{o} 수정하고 싶어요'],
    test: ['{o} 취소 좀 해주세요', '{o} 변경하는 법 알려줘'],
  },
  {
    id: 'check',
    train: ['{o} 확인 방법', '{o} 어디서 확인해요', '{o} 조회하고 싶어요', '{o} 됐는지 확인하려면', '{o} 결과 확인', '{o} 처리됐나요', '{o} 상태 조회', '{o} 내역 보고 싶어요', '{o} 확인이 안 돼요', '{o} 어디서 봐요', '{o} 진행 상황', '{o} 조회 방법'],
    test: ['{o} 확인하는 법', '{o} 내역 조회는 어디서'],
  },
  {
    id: 'error',
    train: ['{o} 오류가 나요', '{o} 안 돼요', '{o} 에러 떠요', '{o} 문제가 생겼어요', '{o} 작동을 안 해요', '{o} 먹통이에요', '{o} 계속 실패해요', '{o} 안 되는데 어떡해요', '{o} 고장났어요', '{o} 이상해요', '{o} 오류 해결', '{o} 멈췄어요'],
    test: ['{o} 갑자기 안 되네요', '{o} 에러가 계속 나요'],
  },
  {
    id: 'who',
    train: ['{o} 누가 해야 돼요', '{o} 대상이 누구예요', '{o} 저도 해당되나요', '{o} 꼭 해야 하나요', '{o} 필수예요', '{o} 대상자 확인', '{o} 안 해도 되나요', '{o} 의무인가요', '{o} 모든 기사님 대상인가요', '{o} 저는 대상 아닌가요', '{o} 누구한테 해당돼요', '{o} 해야 하는 사람'],
    test: ['{o} 저도 해야 되나요', '{o} 대상자가 누군가요'],
  },
  {
    id: 'where',
    train: ['{o} 어디서 해요', '{o} 장소가 어디예요', '{o} 위치 알려주세요', '{o} 어디로 가면 돼요', '{o} 가까운 곳', '{o} 찾아가는 길', '{o} 주소 알려주세요', '{o} 지점 어디 있어요', '{o} 온라인으로 되나요', '{o} 방문해야 하나요', '{o} 어디서 받아요', '{o} 장소 안내'],
    test: ['{o} 어디로 가야 돼', '{o} 위치가 어디죠'],
  },
  {
    id: 'duration',
    train: ['{o} 얼마나 걸려요', '{o} 시간 얼마나 돼요', '{o} 소요 시간', '{o} 며칠 걸려요', '{o} 오래 걸리나요', '{o} 처리 기간', '{o} 바로 되나요', '{o} 몇 시간이에요', '{o} 언제 나와요', '{o} 금방 끝나요', '{o} 걸리는 시간', '{o} 기다려야 하나요'],
    test: ['{o} 시간이 얼마나 걸리죠', '{o} 며칠이나 걸리나요'],
  },
];

export const MAX_SYNTHETIC = OBJECTS.length * ASPECTS.length;

export interface SyntheticFaq {
  intent: IntentFile;
  /** Held-out utterances (templates training never saw). */
  test: string[];
  /** The object's name, used as the FAQ's menu category. */
  category: string;
}

/** Intents in a fixed order that spreads objects: the first N cover as many objects as possible. */
function pairs(): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = 0; a < ASPECTS.length; a += 1) for (let o = 0; o < OBJECTS.length; o += 1) out.push([o, (a + o) % ASPECTS.length]);
  return out;
}

/**
 * `n` synthetic FAQs (n ≤ 250), deterministic. Each has 36 candidate training utterances (12 templates × 3 names), of
 * which every 18th is dropped, giving 34.
 * @example syntheticFaqs(8).length // 8
 */
export function syntheticFaqs(n: number): SyntheticFaq[] {
  if (n > MAX_SYNTHETIC) throw new Error(`at most ${MAX_SYNTHETIC} synthetic FAQs`);
  return pairs()
    .slice(0, n)
    .map(([o, a]) => {
      const names = OBJECTS[o];
      const aspect = ASPECTS[a];
      const all = aspect.train.flatMap((t) => names.map((name) => t.replace('{o}', name)));
      const utterances = all.filter((_, i) => i % 18 !== 17);
      const test = aspect.test.flatMap((t) => [t.replace('{o}', names[0]), t.replace('{o}', names[2])]);
      return { intent: { intent: `faq.s.o${o}.${aspect.id}`, utterances }, test, category: names[0] };
    });
}
