package cn.egov.projects.bootstrap.config;

import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.domain.calendar.CalendarFormatException;
import cn.egov.projects.domain.calendar.CalendarText;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.calendar.YearArrangement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official working-day calendar: the years the release holds, plus each year an operator puts into a
 * directory as a {@code *.txt} file in the calendar format (see {@code official-calendar.txt} in the domain), e.g.
 * when the State Council publishes next year's arrangement. The directory is read again when a file in it changes,
 * so a new year takes effect without a restart. A malformed file is refused at start-up; one that turns malformed
 * later is logged and the last good calendar stays in force.
 */
public final class CalendarDirectory implements CalendarPort {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarDirectory.class);

    private final Path directory;
    private Map<Path, FileTime> seen = Map.of();
    private WorkingDayCalendar current;

    /** @param directory a directory of extra calendar years, or null for the built-in years only */
    public CalendarDirectory(Path directory) {
        this.directory = directory;
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ConfigurationException("the calendar directory " + directory + " does not exist or is not a directory");
        }
        this.seen = stamps();
        this.current = read();
    }

    @Override
    public synchronized WorkingDayCalendar calendar() {
        if (directory != null) {
            Map<Path, FileTime> now = stamps();
            if (!now.equals(seen)) {
                try {
                    current = read();
                    LOG.info("calendar reloaded from {}: years held {}", directory, current.heldYears());
                } catch (ConfigurationException e) {
                    LOG.error("calendar directory changed but cannot be used, keeping the previous calendar: {}",
                            e.getMessage());
                }
                seen = now;
            }
        }
        return current;
    }

    private WorkingDayCalendar read() {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        if (directory == null) {
            return calendar;
        }
        List<YearArrangement> years = new ArrayList<>();
        for (Path file : stamps().keySet()) {
            try {
                years.addAll(CalendarText.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new ConfigurationException("cannot read the calendar file " + file + ": " + e.getMessage(), e);
            } catch (CalendarFormatException e) {
                throw new ConfigurationException("malformed calendar file " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            return calendar.withYears(years);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("calendar files in " + directory + " disagree: " + e.getMessage(), e);
        }
    }

    private Map<Path, FileTime> stamps() {
        Map<Path, FileTime> stamps = new TreeMap<>();
        if (directory == null) {
            return stamps;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.txt")) {
            for (Path f : files) {
                stamps.put(f, Files.getLastModifiedTime(f));
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot list the calendar directory " + directory + ": " + e.getMessage(), e);
        }
        return stamps;
    }
}
