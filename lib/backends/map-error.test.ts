import { describe, expect, it } from 'vitest';
import { describeBaseUrl, type FailureContext, fromUpstream, safeDetail } from './map-error';

const context: FailureContext = {
  target: 'DeepSeek',
  model: 'deepseek-reasoner',
  apiKeyHint: 'Check DEEPSEEK_API_KEY.',
  paymentHint: 'Top up.',
  secret: 'key-with-no-prefix-123',
};

describe('describeBaseUrl', () => {
  it('drops credentials, query and trailing slashes', () => {
    expect(describeBaseUrl('https://user:pass@vllm.lan:8000/v1/?token=abc#x')).toBe(
      'https://vllm.lan:8000/v1',
    );
  });
});

describe('safeDetail', () => {
  it('truncates long upstream text to 300 characters', () => {
    const detail = safeDetail('x'.repeat(1_000));
    expect(detail).toHaveLength(300);
    expect(detail.endsWith('…')).toBe(true);
  });

  it('scrubs the key it knows and anything shaped like one', () => {
    expect(safeDetail('bad key key-with-no-prefix-123 and sk-abcdef123456', context.secret)).toBe(
      'bad key *** and sk-***',
    );
  });

  it('masks the credentials of any URL it mentions', () => {
    expect(
      safeDetail('upstream http://alice:s3cret@10.0.0.5:8000/v1 and https://tok@host/x refused'),
    ).toBe('upstream http://***@10.0.0.5:8000/v1 and https://***@host/x refused');
  });

  it('drops HTML pages entirely', () => {
    expect(safeDetail('<!DOCTYPE html><html><body>Bad gateway</body></html>')).toBe('');
  });
});

describe('fromUpstream without a status (stream error records)', () => {
  it.each([
    ["This model's maximum context length is 65536 tokens.", 'context_too_long'],
    ['Model Not Exist', 'model_not_found'],
    ['Rate limit reached', 'rate_limited'],
    ['Server overloaded, please try again later', 'backend_overloaded'],
    ['CUDA error: an illegal memory access was encountered', 'backend_error'],
  ])('reads "%s" as %s', (message, code) => {
    expect(fromUpstream({ message }, context)).toMatchObject({ code });
  });
});

describe('fromUpstream with a status', () => {
  it('never blames the request for a server error that mentions the context', () => {
    expect(
      fromUpstream({ status: 500, message: 'failed to allocate context length buffer' }, context),
    ).toMatchObject({ code: 'backend_error' });
  });

  it('reads insufficient quota behind a 429 as a payment problem', () => {
    expect(
      fromUpstream(
        { status: 429, message: 'You exceeded your current quota (insufficient_quota)' },
        context,
      ),
    ).toMatchObject({
      code: 'backend_payment_required',
      message: expect.stringContaining('Top up.'),
    });
  });
});
