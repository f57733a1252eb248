import { parseWechatPush } from './media-check-event';

describe('parseWechatPush', () => {
  // As a developer reported receiving it (label as a string).
  const reported = {
    ToUserName: 'gh_7bf1f1389686',
    FromUserName: 'or9bw69jaWwJlF-6u0z3qT3KmO2k',
    CreateTime: 1762329554,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wxb04d1be1ede56d47',
    trace_id: '690b03d2-301f6111-35ffbd44',
    version: 2,
    result: { suggest: 'pass', label: '100' },
    detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: '100', prob: 90 }],
  };

  it('reads the v2 media check event, label as string or number', () => {
    expect(parseWechatPush(reported)).toEqual({ kind: 'media_check', appId: 'wxb04d1be1ede56d47', verdict: { traceId: '690b03d2-301f6111-35ffbd44', status: 'pass', label: 100 } });
    expect(parseWechatPush(JSON.stringify({ ...reported, result: { suggest: 'risky', label: 20002 } }))).toMatchObject({ verdict: { status: 'risky', label: 20002 } });
  });

  it('acknowledges other events without reading them', () => {
    expect(parseWechatPush({ MsgType: 'event', Event: 'user_enter_tempsession' })).toEqual({ kind: 'other', event: 'user_enter_tempsession' });
  });

  it('refuses what it cannot read: XML, a v1 event, no trace id', () => {
    expect(parseWechatPush('<xml><Event>wxa_media_check</Event></xml>')).toMatchObject({ kind: 'malformed' });
    expect(parseWechatPush({ ...reported, result: undefined, isrisky: 0 })).toMatchObject({ kind: 'malformed' });
    expect(parseWechatPush({ ...reported, trace_id: undefined })).toMatchObject({ kind: 'malformed' });
    expect(parseWechatPush(null)).toMatchObject({ kind: 'malformed' });
  });
});
