package org.scim2j.examples.containers;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.scim2j.examples.embedding.FreshDatabase;

import javax.sql.DataSource;

/** Stands for a web application's own start-up: it opens the database and shares it through the context. */
public class HostStartup implements ServletContextListener {

    /** For the container. */
    public HostStartup() {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(DataSource.class.getName(), FreshDatabase.create());
    }
}
