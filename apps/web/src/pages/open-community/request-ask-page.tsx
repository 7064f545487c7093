import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RequestForm } from '../../modules/open-community/request-form';
import { PageTitle } from '../../ui/page-title';

/** Asking for data not yet open; after submitting, the request's public page. */
export const RequestAskPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <div style={{ maxWidth: 900, marginInline: 'auto' }}>
      <Link to="/open/requests">← {t('openCommunity.requests.backToList')}</Link>
      <PageTitle title={t('openCommunity.requests.askTitle')} />
      <Typography.Paragraph type="secondary">{t('openCommunity.requests.askIntro')}</Typography.Paragraph>
      <Card>
        <RequestForm
          onAsked={(r) => {
            void message.success(t('openCommunity.requests.submitted', { deadline: r.deadline }));
            navigate(`/open/requests/${r.id}`);
          }}
        />
      </Card>
    </div>
  );
};
