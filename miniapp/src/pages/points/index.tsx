import { ComingSoon } from '../../components/ComingSoon';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';

/** Tab placeholder: says in plain words what will come here. */
export default function PointsPage() {
  const m = messages.points;
  return (
    <PageShell testId="points-page">
      <ComingSoon heading={m.heading} body={m.body} detail={m.detail} />
    </PageShell>
  );
}
