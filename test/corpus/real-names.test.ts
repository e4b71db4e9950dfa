/**
 * The real gazetteer on names as outlets write them, and on the ordinary words of general news
 * that issue 10 saw lit up: each row a sentence and exactly the entities shown, in order.
 */
import { describe, expect, test } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import { realGazetteer } from './helpers.ts';

const { matcher } = realGazetteer();
const ids = (text: string) => detect(matcher, text).map((m) => m.entityId);

type Row = [text: string, entities: string[]];

const TABLES: Record<string, Row[]> = {
  'the Syrian army as outlets name it (not the government)': [
    ['تقدمت قوات الأسد نحو البوكمال', ['group:syrian-army', 'place:albukamal']],
    ['قصفت قوات النظام السوري مواقع التنظيم', ['group:syrian-army']],
    ['هاجم جيش النظام بلدات الريف', ['group:syrian-army']],
    ['وصرح مسؤول في النظام السوري', ['group:syrian-government']],
  ],
  'T2 written apart, glued, or by its village': [
    ['سيطرت القوات على محطة T 2 النفطية', ['place:t2-station']],
    ['قرب T2التي تقع في البادية', ['place:t2-station']],
    ['تقدم نحو محطة الكم في البادية', ['place:t2-station']],
    ['زيادة الكم على حساب النوع', []],
  ],
  'duals and misspellings': [
    ['معارك في ريفي دير الزور الشرقي والغربي', ['place:deir-ez-zor-governorate']],
    ['دخلت القوات قضاء رواة', ['place:rawa']],
    ['نقل رواة الحديث', []],
  ],
  'a line break inside a name': [
    ['قوات\nسوريا الديمقراطية تتقدم', ['group:sdf']],
    ['قوات سوريا\r\nالديمقراطية تتقدم', ['group:sdf']],
  ],
  'the SDF as "the Syrian Democratic Forces" with the article (round 4), not the Syrian army': [
    ['القوات السورية الديمقراطية تسيطر على حقل نفط في دير الزور', ['group:sdf', 'place:deir-ez-zor']],
    ['تقدمت القوات السورية الديموقراطية شرق الفرات', ['group:sdf', 'place:euphrates']],
    ['تقدمت القوات السورية نحو البوكمال', ['group:syrian-army', 'place:albukamal']],
  ],
  'heldout2 classes on the real gazetteer (round 4)': [
    ['داعش تعلن عن ولاية الفرات بين سوريا والعراق', ['group:isis', 'place:syria', 'place:iraq']],
    ['ضم مدينتين حدوديتين الأولى سورية والأخرى عراقية', []],
    ['موالون للنظام من جنسيات غير سورية', []],
    ['أضاع "الفرات" عدة فرص سهلة في المباراة', []],
    ['مراسل الفرات : تنطلق اليوم مباريات الدوري', []],
  ],
  'a name merely like a known one': [
    ['أهالي حي الوعر في حمص', []],
    ['دول أمريكا اللاتينية', []],
    ['زحام في شارع صلاح الدين', []],
    ['نشرت صحيفة واشنطن بوست تقريرا', []],
    ['وذكر موقع سوريا مباشر', []],
  ],
  'ordinary words of general news (issue 10)': [
    ['ارتدت الكرة من القائم الأيمن', []],
    ['احتفل الناس في الميادين العامة', []],
    ['وكانت المحطة الثانية للوزير في جولته', []],
    ['قال وزير الصناعة إن الإنتاج ارتفع', []],
    ['نصائح لتفادي الحصى في الكلى وتفتيت الحصى', []],
    ['الطريق الموصل إلى المدينة مغلق', []],
    ['تعامل معه بكل الرقة والحنان', []],
    ['فاز نادي الفرات على ضيفه', []],
    ['وأكدت في الوقت نفسه أن الاتفاق قائم', []],
  ],
  'the same names where they are names': [
    ['سيطر الجيش على مدينة القائم', ['place:al-qaim']],
    ['تقدم الجيش العراقي في القائم وراوة', ['group:iraqi-army', 'place:al-qaim', 'place:rawa']],
    ['دخلت القوات الموصل بعد معارك', ['place:mosul']],
    ['عبرت القوات نهر الفرات قرب الميادين', ['place:euphrates', 'place:al-mayadin']],
    ['وقالت قناة الميادين إن الجيش دخل مدينة الميادين', ['outlet:al-mayadeen', 'place:al-mayadin']],
  ],
};

for (const [table, rows] of Object.entries(TABLES)) {
  describe(table, () => {
    test.each(rows)('%s', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });
  });
}
