import React from 'react';
import { Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';

const HomePage = React.lazy(() => import('../../pages/HomePage'));
const ExportPage = React.lazy(() => import('../../pages/ExportPage'));
const LimitChangePage = React.lazy(() => import('../../pages/LimitChangePage'));

/** The app's pages below /a/<plugin id>/ (plugin.json lists them). */
export const APP_ROUTES = { home: 'home', export: 'export', limitChange: 'limit-change' } as const;

function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={APP_ROUTES.home} element={<HomePage />} />
      <Route path={APP_ROUTES.export} element={<ExportPage />} />
      <Route path={APP_ROUTES.limitChange} element={<LimitChangePage />} />
      {/* Anything else, e.g. the app's root: home. */}
      <Route path="*" element={<HomePage />} />
    </Routes>
  );
}

export default App;
