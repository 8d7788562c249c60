import { DEFAULT_LIMITS } from '../io/limits';
import { profileList } from './args';

const MB = 1024 * 1024;

export function helpText(): string {
  return `perfcheck —— 检查财政项目支出绩效自评表（及绩效目标申报表）

用法：
  perfcheck 文件或文件夹... [--profile auto|规则] [--format table|json|csv] [--lang zh|en]
            [--out-dir 文件夹] [--summary 汇总表.xlsx] [--fix] [--formulas[=perf]] [--explain] [限制]

读取 .xlsx、.xls（Excel 97-2003）、.et（WPS）工作簿，.csv 逗号分隔文本和 .tsv/.txt
制表符分隔文本（UTF-8、UTF-16 或 GB18030 编码，自动识别）。文件夹会逐层按自然顺序查找
（“副本2”在“副本10”之前）；其中不能检查的文件（PDF、Word、Office 临时文件 ~$*、本工具
写出的 *.检查结果.xlsx、*.已改正.xlsx、*.公式.xlsx 等）逐个列出并说明原因。同一个文件中的
所有工作表作为一个工作簿检查。
公式没有保存计算结果的单元格（由其他程序生成的文件）报告 FORMULA_NOT_CALCULATED，不参与计算。

选项：
  --profile 规则    计分舍入规则，默认 auto。可用的规则：
${profileList()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
  --format 格式     输出格式：table（默认，中文列表）、json（一个 JSON 文档）、
                    csv（每条问题一行，无法读取和跳过的文件也各占一行；带 BOM，可直接用 Excel 打开）
  --lang 语言       CSV 的表头和严重程度：zh（默认，中文）或 en（英文）
  --out-dir 文件夹  为每个文件写出带标注的副本：文件夹/<原文件名>.检查结果.xlsx
                    （有问题的单元格标色并加批注，另加“检查结果”工作表）。
                    原文件不会被修改；文件夹不存在时会自动创建。
  --summary 文件    写出审核用的汇总表（.xlsx）：每张表一行，含项目名称、主管部门、实施单位、
                    金额、执行率、资金得分、总分、等级（表中值和核算值）和问题个数；无法读取、
                    没有表格或跳过的文件也各占一行。同时给出 --out-dir 时链接到带标注的副本。
  --fix             （与 --out-dir 同用）写出改好的副本 文件夹/<原文件名>.已改正.xlsx：
                    改正表格本身能算出正确值的执行率、资金得分、总分、评分等级和资金合计，
                    每个改过的单元格加批注，另加“改正记录”工作表，并列出“原值 → 新值”；
                    得分、偏差原因等需要人决定的内容不改。报告为改正后副本的检查结果
  --formulas        （与 --out-dir 同用）把执行率、资金得分、总分、评分等级换成公式
                    （ROUND/ROUNDUP/ROUNDDOWN/MIN/SUM/IF，按所用规则），并加条件格式标出
                    得分低于分值却没写偏差原因、得分超过分值；--formulas=perf 改用 PERF.* 函数
  --explain         逐表说明读到了什么：每个资金数取自哪个单元格、每行指标的各个单元格、
                    总分和评分等级，以及据此得出的问题（用来核对表格是否读对）

限制（每个文件；超过时该文件报错，其余文件照常检查）：
  --max-size MB       解压后的大小，默认 ${DEFAULT_LIMITS.maxBytes / MB}
  --max-cells 个数    单元格数（含合并单元格、数据验证、名称覆盖的），默认 ${DEFAULT_LIMITS.maxCells}
  --max-text 字符数   一个单元格的文字长度，默认 ${DEFAULT_LIMITS.maxTextLength}
  --max-sheets 个数   工作表数，默认 ${DEFAULT_LIMITS.maxSheets}
  --max-memory MB     读取和检查一个文件的内存，默认 ${DEFAULT_LIMITS.memoryMb}
  --time-limit 秒     读取和检查一个文件的时间，默认 ${DEFAULT_LIMITS.timeSeconds}

  -h, --help        显示本帮助
  -v, --version     显示版本号

退出状态：
  0  没有发现错误（可能有警告或提示）
  1  发现了错误（表格内容有问题，不是程序故障）
  2  有文件无法读取、找不到文件、超过限制，或命令用法有误

示例：
  perfcheck 青浦区2024绩效自评表.xlsx
  perfcheck 自评表文件夹/ --format csv > 检查结果.csv
  perfcheck 宝山区2022绩效自评表.xlsx --profile national --out-dir 检查结果/
  perfcheck 某县自评表.xlsx --explain
  perfcheck 来件/ --out-dir 检查结果/ --summary 检查结果/汇总表.xlsx
  perfcheck 青浦区2024绩效自评表.xlsx --fix --formulas --out-dir 改好的/
`;
}
