package hotline.gateway.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFilesTest {

    private static final WorkingHours HOURS =
            new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(17, 0));

    @TempDir
    Path dir;

    @Test
    void readsEveryYearsFileAndCoversTheYearsInTheirNames() throws IOException {
        write(
                "cn-2026.csv",
                "# comment\ndate,kind,name\n2026-10-01,holiday,National Day\n"
                        + "2026-10-10,Workday,National Day make-up workday\n");
        write("cn-2027.csv", "date,kind,name\n2027-01-01,holiday,New Year's Day\n");
        write("README.txt", "not a calendar");
        WorkingCalendar calendar = CalendarFiles.load(HOURS, dir);
        assertThat(calendar.coveredYears()).containsExactly(Year.of(2026), Year.of(2027));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    }

    @Test
    void theSameDayTwiceWithTheSameKindIsFine() throws IOException {
        write("cn-2026.csv", "date,kind,name\n2026-10-01,holiday,National Day\n");
        write("sh-2026.csv", "date,kind,name\n2026-10-01,holiday,National Day\n");
        assertThat(CalendarFiles.load(HOURS, dir).isWorkingDay(LocalDate.parse("2026-10-01")))
                .isFalse();
    }

    @Test
    void aBrokenFileFailsNamingTheFileAndTheRow() throws IOException {
        assertBroken(
                "cn-2026.csv",
                "date,kind,name\n2026-10-01,holiday,x\n2026-13-01,holiday,x\n",
                "cn-2026.csv: row 2: '2026-13-01' is not a date");
        assertBroken(
                "cn-2026.csv",
                "date,kind,name\n2026-10-01,day off,x\n",
                "cn-2026.csv: row 1 (2026-10-01): kind 'day off' is neither holiday nor workday");
        assertBroken(
                "cn-2026.csv",
                "date,kind,name\n2026-10-01,holiday,x\n2026-10-01,workday,y\n",
                "cn-2026.csv: row 2: 2026-10-01 is workday here but holiday in ");
        assertBroken(
                "holidays.csv",
                "date,kind,name\n2026-10-01,holiday,x\n",
                "holidays.csv: a calendar file is named for the year it covers");
        assertBroken("cn-2026.csv", "day,kind\n2026-10-01,holiday\n", "cn-2026.csv: missing column(s)");
    }

    @Test
    void aMissingDirectoryFails() {
        assertThatThrownBy(() -> CalendarFiles.load(HOURS, dir.resolve("none")))
                .hasMessageContaining("calendar directory not found");
    }

    private void assertBroken(String name, String content, String message) throws IOException {
        Path file = write(name, content);
        assertThatThrownBy(() -> CalendarFiles.load(HOURS, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
        Files.delete(file);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
