import { createApp } from 'vue';
import '../../src/index.js';
import App from './App.vue';

createApp(App).mount('#app');
