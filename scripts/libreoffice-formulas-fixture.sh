#!/usr/bin/env bash
# Makes test/formats/qingpu-formulas-*-libreoffice.xlsx: the 青浦 forms corrected and turned
# into formulas by `perfcheck --fix --formulas`, then edited by hand (表4's 全年执行数 falls
# to 20.01 on 年度资金总额 and 当年财政拨款, leaving the cached results stale) and recalculated and saved by LibreOffice
# Calc, told to recalculate every formula on load. The test reads what LibreOffice computed.
# Needs LibreOffice (apt-get install -y libreoffice-calc-nogui); run from the repository.
set -euo pipefail
forms="${PERFCHECK_FORMS_DIR:-../shared/forms}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
for profile in national whole-numbers; do
  npx tsx src/cli/main.ts "$forms/qingpu-2024-self-eval.xlsx" --profile "$profile" --fix --formulas --out-dir "$work/$profile" >/dev/null || true
  node -e '
    const ExcelJS = require("exceljs");
    const [file, out] = process.argv.slice(1);
    const wb = new ExcelJS.Workbook();
    wb.xlsx.readFile(file).then(() => {
      // 全年执行数 of 年度资金总额 and of its one line, 当年财政拨款.
      wb.getWorksheet("表4").getCell("E6").value = 20.01;
      wb.getWorksheet("表4").getCell("E7").value = 20.01;
      return wb.xlsx.writeFile(out);
    });
  ' "$work/$profile/qingpu-2024-self-eval.已改正.xlsx" "$work/qingpu-formulas-$profile.xlsx"
  soffice -env:UserInstallation="file://$work/profile" --headless --calc --convert-to xlsx \
    --outdir "$work/recalculated" "$work/qingpu-formulas-$profile.xlsx" >/dev/null 2>&1
  cp "$work/recalculated/qingpu-formulas-$profile.xlsx" "test/formats/qingpu-formulas-$profile-libreoffice.xlsx"
done
