import type { SaveSuiteInput } from '@/lib/api/suite-inputs';

/**
 * The battery our users run over the R1 distill ladder, in Chinese as they write it, with the
 * articles' setting (temperature 0.3 for all). The prism's surface area is 768 + 512√2 ≈ 1492.077.
 */
export const STARTER_SUITE: SaveSuiteInput = {
  name: 'R1 starter battery',
  settings: { temperature: 0.3 },
  prompts: [
    {
      id: 'acrostic',
      title: '藏头诗 新年快乐万事如意',
      prompt: '用"新年快乐万事如意"写一首藏头诗',
      check: { kind: 'line-starts', starts: '新年快乐万事如意' },
    },
    {
      id: 'chickens-rabbits',
      title: '鸡兔同笼',
      prompt: '一个笼子，里头有鸡和兔子，一共有25个头和76只脚，请问笼子里边鸡和兔子各有多少只？',
      check: { kind: 'number', expected: [12, 13], tolerance: 0 },
    },
    {
      id: 'prism',
      title: '三棱柱表面积',
      prompt:
        '一个三棱柱的上底和下底为两个等腰直角三角形，每个等腰三角形的直角边长为16。直棱柱的高度等于等腰直角三角形的斜边长度。求直棱柱的表面积。',
      check: { kind: 'number', expected: [1492.08], tolerance: 0.01 },
    },
    {
      id: 'snake',
      title: '贪吃蛇',
      prompt: '写一个可以在浏览器上打开的贪吃蛇游戏',
      check: { kind: 'manual' },
    },
    {
      id: 'kth-largest',
      title: '第k大的元素',
      prompt: '在未排序数组中找到第k大的元素',
      check: { kind: 'manual' },
    },
  ],
};
