import type { Me } from '@village/shared';
import { messages } from '../../../constants/messages';
import { routes, withQuery } from '../../../constants/routes';

/** Where to go once signed in (and agreed): bind first when no resident is bound yet, else 首页. */
export function nextPageAfterLogin(me: Me, bindCode: string | null): { url: string; tab: boolean } {
  // 乡镇干部 oversee villages without living in one: nothing to bind.
  if (!me.resident && !me.township) return { url: withQuery(routes.bind, { code: bindCode }), tab: false };
  return { url: routes.home, tab: true };
}

/**
 * "绑定成功：您是王建国家的李桂兰。" from the Me the server answered with. The relation to the head is
 * left out: register words like 女 (daughter) read as a gender when put in brackets.
 */
export function bindSuccessMessage(me: Me): { title: string; lines: string[] } {
  const name = me.resident?.name ?? '';
  const household = me.household;
  if (!household) return { title: messages.bind.successPlain(name), lines: [] };
  const head = household.members.find((member) => member.relationToHead === '户主') ?? null;
  const title =
    head && head.id === me.resident?.id
      ? messages.bind.successSelf(name)
      : messages.bind.success(head?.name ?? household.representativeName ?? messages.bind.householdByNumber(household.number), name);
  return { title, lines: [messages.bind.successHousehold(household.number, household.gridName)] };
}

