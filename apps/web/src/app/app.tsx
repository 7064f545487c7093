import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { router } from './router';

const theme = { token: { colorPrimary: '#1d5fbf', borderRadius: 6 } };
// No "登 录"-style spacing: button names stay exactly as in the translation files (and for tests).
const button = { autoInsertSpace: false };

/** Providers around the router: server state, antd locale and theme, message/modal context. */
export const App = () => {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';

  useEffect(() => {
    // Server texts (problem details, labels) are localised per Accept-Language: fetch them again.
    const refresh = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [i18n, queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={en ? enUS : zhCN} theme={theme} button={button}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
};
