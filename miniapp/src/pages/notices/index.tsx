import { ComingSoon } from '../../components/ComingSoon';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';

/** Tab placeholder: says in plain words what will come here. */
export default function NoticesPage() {
  const m = messages.notices;
  return (
    <PageShell testId="notices-page">
      <ComingSoon heading={m.heading} body={m.body} detail={m.detail} />
    </PageShell>
  );
}
