// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';
// React 19 (loaded by @grafana/ui) needs MessageChannel; Combobox menus need IntersectionObserver.
import './tests/support/jsdomPolyfills';
// findBy*/waitFor wait for what the page shows; their 1 s default turns a busy machine into a
// failure (a Combobox's options once took longer). Jest's own test timeout still bounds a test.
import { configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 20_000 });
