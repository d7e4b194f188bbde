/**
 * The prompts our users start with, and answers of the shapes R1 models give to them: an
 * acrostic poem (one line per character), chickens and rabbits with a boxed answer, and a long
 * and a short reply to "write a snake game".
 */

export const acrosticPrompt = '用"新年快乐万事如意"写一首藏头诗';

/** Eight lines, each starting with the next character of 新年快乐万事如意; single newlines. */
export const acrosticPoem = [
  '新春佳节喜洋洋，',
  '年年有余福满堂。',
  '快马加鞭追梦远，',
  '乐在心头笑声扬。',
  '万家灯火映天红，',
  '事业腾飞步步高。',
  '如意吉祥伴君行，',
  '意气风发再登峰。',
].join('\n');

export const acrosticReasoning = [
  '藏头诗：每句的第一个字连起来是“新年快乐万事如意”。',
  '一共八个字，所以要写八句。',
  '每句七个字，押韵在二、四、六、八句。',
].join('\n');

export const chickensPrompt =
  '一个笼子，里头有鸡和兔子，一共有25个头和76只脚，请问笼子里边鸡和兔子各有多少只？';

export const chickensAnswer = `设鸡有 $x$ 只，兔有 $y$ 只。

$$
\\begin{cases} x + y = 25 \\\\ 2x + 4y = 76 \\end{cases}
$$

第二个式子减去第一个式子的两倍：$2y = 26$，所以 $y = 13$，$x = 12$。

$$\\boxed{鸡 12 只，兔 13 只}$$

验算：$12 \\times 2 + 13 \\times 4 = 24 + 52 = 76$ ✅`;

export const chickensReasoning =
  '头一共 25 个，脚 76 只。\n如果全是鸡，脚是 50 只，多出 26 只。\n每只兔子比鸡多 2 只脚，所以兔子 13 只。';

export const snakePrompt = '写一个可以在浏览器上打开的贪吃蛇游戏';
