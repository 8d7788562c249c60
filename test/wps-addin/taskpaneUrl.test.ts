import { taskpaneUrl } from '../../src/hosts/wps/taskpaneUrl';

describe('the task pane address given to CreateTaskPane', () => {
  test('is decoded, as the official wpsjs templates decode location (a profile named 张三)', () => {
    expect(taskpaneUrl('file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html')).toBe(
      'file:///C:/Users/张三/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/taskpane.html',
    );
    expect(taskpaneUrl('file:///home/%E6%9D%8E%E5%9B%9B/.local/share/Kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html')).toBe(
      'file:///home/李四/.local/share/Kingsoft/wps/jsaddons/perfcheck_0.1.0/taskpane.html',
    );
  });

  test('an online add-in keeps its server address; one that does not decode is used as it is', () => {
    expect(taskpaneUrl('https://oa.example.gov.cn/perfcheck/index.html')).toBe('https://oa.example.gov.cn/perfcheck/taskpane.html');
    expect(taskpaneUrl('https://oa.example.gov.cn/%E5%BC/index.html')).toBe('https://oa.example.gov.cn/%E5%BC/taskpane.html');
  });
});
